"""checker/document."""
