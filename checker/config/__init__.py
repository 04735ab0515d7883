"""checker/config."""
