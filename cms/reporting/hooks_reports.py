"""Admin hooks (being written)."""
