//! A stateful fake Finqu for offline development and tests.
