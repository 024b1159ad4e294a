pub mod raci_view;
