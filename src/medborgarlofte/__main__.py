"""Run the command line as ``python -m medborgarlofte``."""

import sys

from medborgarlofte.cli import main

if __name__ == "__main__":
    sys.exit(main())
