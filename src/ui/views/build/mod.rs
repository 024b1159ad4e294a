pub mod build_billing_view;
