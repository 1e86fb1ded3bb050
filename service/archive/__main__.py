"""`python -m service.archive IN OUT` (see `service.archive.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
