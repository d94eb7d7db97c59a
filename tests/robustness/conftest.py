"""Fixtures of the robustness tests: the package tests' keys, trust folders, valid package and council.

Bound here under the same names so pytest sees them (the way tests/package/conftest.py reuses the
inspection and signing fixtures).
"""

from __future__ import annotations

from ..package import conftest as package_fixtures

keys = package_fixtures.keys  # session: province CA + XA-001 (a), XA-002 (b), rogue XA-001; EC
trust_dirs = package_fixtures.trust_dirs  # session: {"crl": CA + CRL, "no_crl": CA alone}
trust = package_fixtures.trust  # session: the TrustStore of trust_dirs["crl"]
base = package_fixtures.base  # session: ONE valid submission of XA-001 (evidence ~20 KB and ~5 KB)
council = package_fixtures.council  # council(trust="crl") -> a fresh InspectionWorkspace in tmp_path
cli = package_fixtures.cli
agency_folder = package_fixtures.agency_folder
open_agency = package_fixtures.open_agency
_clean_cli_environment = package_fixtures._clean_cli_environment
