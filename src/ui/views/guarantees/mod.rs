mod credit_simulator;
pub mod guarantees_view;
