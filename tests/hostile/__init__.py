"""Property-based tests of what a hostile or careless visitor of the dashboards can send."""
