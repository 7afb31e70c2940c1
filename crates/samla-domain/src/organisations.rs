//! What national statistics know of an organisation: its kind and its region.

use crate::calendar::Country;

stored_enum! {
    /// What kind of service an organisation is.
    pub enum OrganisationKind ("organisation kind") {
        Municipality = "municipality",
        /// A hospital's learning and coping centre (LMS).
        Hospital = "hospital",
        RegionalCentre = "regional_centre",
        NationalCentre = "national_centre",
        Other = "other",
    }
}

stored_enum! {
    /// A Norwegian county (fylke, from 2024) or a Danish region.
    pub enum Region ("region") {
        Oslo = "oslo",
        Rogaland = "rogaland",
        MoreOgRomsdal = "more_og_romsdal",
        Nordland = "nordland",
        Ostfold = "ostfold",
        Akershus = "akershus",
        Buskerud = "buskerud",
        Innlandet = "innlandet",
        Vestfold = "vestfold",
        Telemark = "telemark",
        Agder = "agder",
        Vestland = "vestland",
        Trondelag = "trondelag",
        Troms = "troms",
        Finnmark = "finnmark",
        Nordjylland = "nordjylland",
        Midtjylland = "midtjylland",
        Syddanmark = "syddanmark",
        Hovedstaden = "hovedstaden",
        Sjaelland = "sjaelland",
    }
}

impl Region {
    pub fn country(self) -> Country {
        if self.number() > 1000 {
            Country::Denmark
        } else {
            Country::Norway
        }
    }

    /// The official number: the county number in Norway, the region code in Denmark.
    pub fn number(self) -> u16 {
        match self {
            Region::Oslo => 3,
            Region::Rogaland => 11,
            Region::MoreOgRomsdal => 15,
            Region::Nordland => 18,
            Region::Ostfold => 31,
            Region::Akershus => 32,
            Region::Buskerud => 33,
            Region::Innlandet => 34,
            Region::Vestfold => 39,
            Region::Telemark => 40,
            Region::Agder => 42,
            Region::Vestland => 46,
            Region::Trondelag => 50,
            Region::Troms => 55,
            Region::Finnmark => 56,
            Region::Nordjylland => 1081,
            Region::Midtjylland => 1082,
            Region::Syddanmark => 1083,
            Region::Hovedstaden => 1084,
            Region::Sjaelland => 1085,
        }
    }

    /// The regions of one country, in the order of their official numbers.
    pub fn of(country: Country) -> impl Iterator<Item = Region> {
        Region::ALL.iter().copied().filter(move |region| region.country() == country)
    }

    /// The region's own name, in its own language.
    pub fn name(self) -> &'static str {
        match self {
            Region::Oslo => "Oslo",
            Region::Rogaland => "Rogaland",
            Region::MoreOgRomsdal => "Møre og Romsdal",
            Region::Nordland => "Nordland",
            Region::Ostfold => "Østfold",
            Region::Akershus => "Akershus",
            Region::Buskerud => "Buskerud",
            Region::Innlandet => "Innlandet",
            Region::Vestfold => "Vestfold",
            Region::Telemark => "Telemark",
            Region::Agder => "Agder",
            Region::Vestland => "Vestland",
            Region::Trondelag => "Trøndelag",
            Region::Troms => "Troms",
            Region::Finnmark => "Finnmark",
            Region::Nordjylland => "Region Nordjylland",
            Region::Midtjylland => "Region Midtjylland",
            Region::Syddanmark => "Region Syddanmark",
            Region::Hovedstaden => "Region Hovedstaden",
            Region::Sjaelland => "Region Sjælland",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norway_has_fifteen_counties_and_denmark_five_regions() {
        assert_eq!(Region::of(Country::Norway).count(), 15);
        assert_eq!(Region::of(Country::Denmark).count(), 5);
        assert_eq!(Region::parse("vestland").map(Region::number), Some(46));
        assert_eq!(Region::try_from("hordaland".to_string()).map_err(|e| e.value), Err("hordaland".to_string()));
        assert_eq!(OrganisationKind::parse("hospital"), Some(OrganisationKind::Hospital));
    }

    #[test]
    fn stored_texts_are_the_json_names() {
        assert_names_round_trip!(OrganisationKind, Region);
    }
}
