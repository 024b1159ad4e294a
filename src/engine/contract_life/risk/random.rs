//! A small seeded generator of our own (SplitMix64, Steele, Lea and Flood
//! 2014): pure, reproducible on every platform, no crate. Each item of each
//! draw reads its own stream, keyed by (seed, draw, item), so that what one
//! item draws never depends on another item, nor on any uncertainty's
//! values: the same seed gives the same numbers whatever the settings. A
//! year reads one 64-bit number: its high half moves the quantity, its low
//! half decides an end.

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a bijection of `u64` that mixes every bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The key of draw `draw` of the run seeded with `seed`: mixed once per
/// draw, shared by every item of it.
pub fn draw_key(seed: u32, draw: u32) -> u64 {
    mix(mix(u64::from(seed) ^ GOLDEN) ^ u64::from(draw).wrapping_mul(GOLDEN))
}

/// The key of an item, mixed once for every draw.
pub fn item_key(item: u64) -> u64 {
    mix(item.wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ 0x2545_F491_4F6C_DD1D)
}

/// One stream of SplitMix64.
pub struct Stream {
    state: u64,
}

impl Stream {
    /// The stream of an item in a draw, from their keys.
    pub fn new(draw_key: u64, item_key: u64) -> Self {
        Stream {
            state: draw_key ^ item_key,
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(seed: u32, draw: u32, item: u64) -> Stream {
        Stream::new(draw_key(seed, draw), item_key(item))
    }

    #[test]
    fn the_same_key_gives_the_same_numbers() {
        let a: Vec<u64> = {
            let mut s = stream(7, 3, 11);
            (0..4).map(|_| s.next_u64()).collect()
        };
        let mut s = stream(7, 3, 11);
        assert_eq!(a, (0..4).map(|_| s.next_u64()).collect::<Vec<_>>());
        assert_ne!(a[0], stream(8, 3, 11).next_u64());
        assert_ne!(a[0], stream(7, 4, 11).next_u64());
        assert_ne!(a[0], stream(7, 3, 12).next_u64());
    }

    #[test]
    fn splitmix64_matches_its_reference_output() {
        // The reference implementation seeded with 0 starts with this value.
        let mut s = Stream { state: 0 };
        assert_eq!(s.next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn fractions_are_spread_over_the_unit_interval() {
        let mut s = stream(1, 0, 0);
        let n = 10_000;
        let (mut high, mut low) = (0, 0);
        for _ in 0..n {
            let r = s.next_u64();
            high += usize::from(r >> 32 < 1 << 31);
            low += usize::from((r & 0xFFFF_FFFF) < 1 << 31);
        }
        assert!((4_800..5_200).contains(&high), "{high}");
        assert!((4_800..5_200).contains(&low), "{low}");
    }
}
