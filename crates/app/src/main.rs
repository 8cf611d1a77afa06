fn main() {
    nnp_app::start();
}
