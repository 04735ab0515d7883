"""checker/packs."""
