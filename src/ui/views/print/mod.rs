pub mod proposal_view;
