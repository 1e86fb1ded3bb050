"""Benchmarks and the helpers they share with the stress runs and the gunicorn tests."""
