"""The Flask app factory."""

from __future__ import annotations

from flask import Flask
from spacy.language import Language

from .auth import init_auth
from .config import Config
from .csp import register_security_headers
from .errors import register_error_handlers
from .nlp.pipeline import load_pipeline
from .observability import init_observability


def create_app(config_class: type[Config] = Config, nlp: Language | None = None) -> Flask:
    """Build the app.  `nlp` lets a caller (tests, gunicorn's preload) hand in a
    pipeline that is already loaded, so the model is loaded once per process."""
    app = Flask(__name__)
    app.config.from_object(config_class)
    app.json.sort_keys = False
    app.extensions["quote_nlp"] = nlp if nlp is not None else load_pipeline(app.config["SPACY_MODEL"])
    register_error_handlers(app)
    register_security_headers(app)
    # Production: request id, metrics and access log first, then the API-key check.
    init_observability(app)
    init_auth(app)

    from .api.quotes import bp as quotes_bp

    app.register_blueprint(quotes_bp)

    from .api.batch import bp as batch_bp

    app.register_blueprint(batch_bp)

    from .api.pages import bp as pages_bp

    app.register_blueprint(pages_bp)
    return app
