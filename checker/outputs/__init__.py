"""checker/outputs."""
