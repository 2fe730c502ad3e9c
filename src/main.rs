fn main() {
    println!("dealdesk: under construction");
}
