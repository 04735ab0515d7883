"""checker/matching."""
