"""Long reliability runs against gunicorn on loopback (`make stress`)."""
