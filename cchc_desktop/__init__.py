"""CCHC Desktop: offline self-assessment and appraisal of the administrative reform index."""

__version__ = "0.1.0"
