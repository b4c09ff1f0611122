"""Views of the accounts app, one module per area (sign-in, registration, user centre, certification, privacy)."""
