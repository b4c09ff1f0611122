"""Checking uploaded files, one way for every app: extension, size, count and content signature."""
