"""checker/analysis."""
