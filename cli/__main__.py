"""``python -m cli`` runs the ``roadmaps`` command line."""

from cli.app import main

main()
