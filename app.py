"""Start the AEIOU web UI: ``python app.py [--host 127.0.0.1] [--port 7860] [--auth user:password]``.

The same as ``aeiou ui``: the UI itself lives in :mod:`aeiou_agent.ui`.
"""

import sys

from aeiou_agent.cli import main

if __name__ == "__main__":
    main(["ui", *sys.argv[1:]])
