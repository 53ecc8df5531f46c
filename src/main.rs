fn main() -> std::process::ExitCode {
    opencx_doctor::main()
}
