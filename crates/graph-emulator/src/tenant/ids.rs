//! Deterministic ids: the same name always yields the same GUID, so the
//! tenant is identical on every run and in every test.

use uuid::Uuid;

const NAMESPACE: Uuid = Uuid::from_u128(0x6b1e_2c3d_4f50_4a61_8b72_c3d4_e5f6_0718);

pub fn stable_id(kind: &str, name: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{name}").as_bytes()).to_string()
}
