"""Function Compute handlers that ship with the toolkit; each subpackage is one function."""
