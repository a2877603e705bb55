"""Allow `python -m guillemet`, the same as the `guillemet` console script."""

from guillemet.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
