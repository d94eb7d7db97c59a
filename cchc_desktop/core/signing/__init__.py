"""Keys, certificates and detached CMS signatures (see api.py for the contract)."""
