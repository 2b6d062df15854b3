//! Placeholder until status lands.
