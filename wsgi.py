"""WSGI entry point: `gunicorn wsgi:app` (the model loads at import, before workers fork)."""

from service.app import create_app

app = create_app()
