pub mod credit_simulator;
