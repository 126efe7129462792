use errcat::ApiError;

#[derive(ApiError)]
#[api(status = 400)]
union Payload {
    id: u32,
    score: f32,
}

fn main() {}
