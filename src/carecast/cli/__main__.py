"""``python -m carecast.cli`` runs the ``carecast`` command."""

from carecast.cli import main

main()
