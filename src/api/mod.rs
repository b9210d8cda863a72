//! Finqu's endpoints, declared with [`finqu_endpoint`](crate::finqu_endpoint), and their models.
