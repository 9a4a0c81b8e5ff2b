//! Datasets: the embedded synthetic phantom (and, later, file readers).
pub mod synthetic;
