"""checker/cache."""
