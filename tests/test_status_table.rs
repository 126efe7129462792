//! Every error status: each number in 400–599 without a message says its
//! reason phrase, and each `http::StatusCode` constant in that range is
//! accepted by name.
//!
//! The enums below were generated from the numbers 400–599 and from the
//! constants in http 1.5's `src/status.rs`; the tests check that the lists are
//! complete. To regenerate the variants:
//!
//! ```sh
//! for n in $(seq 400 599); do printf '    #[api(status = %d)]\n    S%d,\n' $n $n; done
//! grep -oE '^ +\([45][0-9]{2}, [A-Z_]+' ~/.cargo/registry/src/*/http-1.5.0/src/status.rs |
//!     sed -E 's/.*, (.*)/    #[api(status = \1)]\n    \1,/'
//! ```

use errcat::{ApiError, Catalog};
use http::StatusCode;

/// One variant per number in 400–599, none with a message.
#[derive(Debug, ApiError)]
enum ByNumber {
    #[api(status = 400)]
    S400,
    #[api(status = 401)]
    S401,
    #[api(status = 402)]
    S402,
    #[api(status = 403)]
    S403,
    #[api(status = 404)]
    S404,
    #[api(status = 405)]
    S405,
    #[api(status = 406)]
    S406,
    #[api(status = 407)]
    S407,
    #[api(status = 408)]
    S408,
    #[api(status = 409)]
    S409,
    #[api(status = 410)]
    S410,
    #[api(status = 411)]
    S411,
    #[api(status = 412)]
    S412,
    #[api(status = 413)]
    S413,
    #[api(status = 414)]
    S414,
    #[api(status = 415)]
    S415,
    #[api(status = 416)]
    S416,
    #[api(status = 417)]
    S417,
    #[api(status = 418)]
    S418,
    #[api(status = 419)]
    S419,
    #[api(status = 420)]
    S420,
    #[api(status = 421)]
    S421,
    #[api(status = 422)]
    S422,
    #[api(status = 423)]
    S423,
    #[api(status = 424)]
    S424,
    #[api(status = 425)]
    S425,
    #[api(status = 426)]
    S426,
    #[api(status = 427)]
    S427,
    #[api(status = 428)]
    S428,
    #[api(status = 429)]
    S429,
    #[api(status = 430)]
    S430,
    #[api(status = 431)]
    S431,
    #[api(status = 432)]
    S432,
    #[api(status = 433)]
    S433,
    #[api(status = 434)]
    S434,
    #[api(status = 435)]
    S435,
    #[api(status = 436)]
    S436,
    #[api(status = 437)]
    S437,
    #[api(status = 438)]
    S438,
    #[api(status = 439)]
    S439,
    #[api(status = 440)]
    S440,
    #[api(status = 441)]
    S441,
    #[api(status = 442)]
    S442,
    #[api(status = 443)]
    S443,
    #[api(status = 444)]
    S444,
    #[api(status = 445)]
    S445,
    #[api(status = 446)]
    S446,
    #[api(status = 447)]
    S447,
    #[api(status = 448)]
    S448,
    #[api(status = 449)]
    S449,
    #[api(status = 450)]
    S450,
    #[api(status = 451)]
    S451,
    #[api(status = 452)]
    S452,
    #[api(status = 453)]
    S453,
    #[api(status = 454)]
    S454,
    #[api(status = 455)]
    S455,
    #[api(status = 456)]
    S456,
    #[api(status = 457)]
    S457,
    #[api(status = 458)]
    S458,
    #[api(status = 459)]
    S459,
    #[api(status = 460)]
    S460,
    #[api(status = 461)]
    S461,
    #[api(status = 462)]
    S462,
    #[api(status = 463)]
    S463,
    #[api(status = 464)]
    S464,
    #[api(status = 465)]
    S465,
    #[api(status = 466)]
    S466,
    #[api(status = 467)]
    S467,
    #[api(status = 468)]
    S468,
    #[api(status = 469)]
    S469,
    #[api(status = 470)]
    S470,
    #[api(status = 471)]
    S471,
    #[api(status = 472)]
    S472,
    #[api(status = 473)]
    S473,
    #[api(status = 474)]
    S474,
    #[api(status = 475)]
    S475,
    #[api(status = 476)]
    S476,
    #[api(status = 477)]
    S477,
    #[api(status = 478)]
    S478,
    #[api(status = 479)]
    S479,
    #[api(status = 480)]
    S480,
    #[api(status = 481)]
    S481,
    #[api(status = 482)]
    S482,
    #[api(status = 483)]
    S483,
    #[api(status = 484)]
    S484,
    #[api(status = 485)]
    S485,
    #[api(status = 486)]
    S486,
    #[api(status = 487)]
    S487,
    #[api(status = 488)]
    S488,
    #[api(status = 489)]
    S489,
    #[api(status = 490)]
    S490,
    #[api(status = 491)]
    S491,
    #[api(status = 492)]
    S492,
    #[api(status = 493)]
    S493,
    #[api(status = 494)]
    S494,
    #[api(status = 495)]
    S495,
    #[api(status = 496)]
    S496,
    #[api(status = 497)]
    S497,
    #[api(status = 498)]
    S498,
    #[api(status = 499)]
    S499,
    #[api(status = 500)]
    S500,
    #[api(status = 501)]
    S501,
    #[api(status = 502)]
    S502,
    #[api(status = 503)]
    S503,
    #[api(status = 504)]
    S504,
    #[api(status = 505)]
    S505,
    #[api(status = 506)]
    S506,
    #[api(status = 507)]
    S507,
    #[api(status = 508)]
    S508,
    #[api(status = 509)]
    S509,
    #[api(status = 510)]
    S510,
    #[api(status = 511)]
    S511,
    #[api(status = 512)]
    S512,
    #[api(status = 513)]
    S513,
    #[api(status = 514)]
    S514,
    #[api(status = 515)]
    S515,
    #[api(status = 516)]
    S516,
    #[api(status = 517)]
    S517,
    #[api(status = 518)]
    S518,
    #[api(status = 519)]
    S519,
    #[api(status = 520)]
    S520,
    #[api(status = 521)]
    S521,
    #[api(status = 522)]
    S522,
    #[api(status = 523)]
    S523,
    #[api(status = 524)]
    S524,
    #[api(status = 525)]
    S525,
    #[api(status = 526)]
    S526,
    #[api(status = 527)]
    S527,
    #[api(status = 528)]
    S528,
    #[api(status = 529)]
    S529,
    #[api(status = 530)]
    S530,
    #[api(status = 531)]
    S531,
    #[api(status = 532)]
    S532,
    #[api(status = 533)]
    S533,
    #[api(status = 534)]
    S534,
    #[api(status = 535)]
    S535,
    #[api(status = 536)]
    S536,
    #[api(status = 537)]
    S537,
    #[api(status = 538)]
    S538,
    #[api(status = 539)]
    S539,
    #[api(status = 540)]
    S540,
    #[api(status = 541)]
    S541,
    #[api(status = 542)]
    S542,
    #[api(status = 543)]
    S543,
    #[api(status = 544)]
    S544,
    #[api(status = 545)]
    S545,
    #[api(status = 546)]
    S546,
    #[api(status = 547)]
    S547,
    #[api(status = 548)]
    S548,
    #[api(status = 549)]
    S549,
    #[api(status = 550)]
    S550,
    #[api(status = 551)]
    S551,
    #[api(status = 552)]
    S552,
    #[api(status = 553)]
    S553,
    #[api(status = 554)]
    S554,
    #[api(status = 555)]
    S555,
    #[api(status = 556)]
    S556,
    #[api(status = 557)]
    S557,
    #[api(status = 558)]
    S558,
    #[api(status = 559)]
    S559,
    #[api(status = 560)]
    S560,
    #[api(status = 561)]
    S561,
    #[api(status = 562)]
    S562,
    #[api(status = 563)]
    S563,
    #[api(status = 564)]
    S564,
    #[api(status = 565)]
    S565,
    #[api(status = 566)]
    S566,
    #[api(status = 567)]
    S567,
    #[api(status = 568)]
    S568,
    #[api(status = 569)]
    S569,
    #[api(status = 570)]
    S570,
    #[api(status = 571)]
    S571,
    #[api(status = 572)]
    S572,
    #[api(status = 573)]
    S573,
    #[api(status = 574)]
    S574,
    #[api(status = 575)]
    S575,
    #[api(status = 576)]
    S576,
    #[api(status = 577)]
    S577,
    #[api(status = 578)]
    S578,
    #[api(status = 579)]
    S579,
    #[api(status = 580)]
    S580,
    #[api(status = 581)]
    S581,
    #[api(status = 582)]
    S582,
    #[api(status = 583)]
    S583,
    #[api(status = 584)]
    S584,
    #[api(status = 585)]
    S585,
    #[api(status = 586)]
    S586,
    #[api(status = 587)]
    S587,
    #[api(status = 588)]
    S588,
    #[api(status = 589)]
    S589,
    #[api(status = 590)]
    S590,
    #[api(status = 591)]
    S591,
    #[api(status = 592)]
    S592,
    #[api(status = 593)]
    S593,
    #[api(status = 594)]
    S594,
    #[api(status = 595)]
    S595,
    #[api(status = 596)]
    S596,
    #[api(status = 597)]
    S597,
    #[api(status = 598)]
    S598,
    #[api(status = 599)]
    S599,
}

const BY_NUMBER: [(u16, ByNumber); 200] = [
    (400, ByNumber::S400),
    (401, ByNumber::S401),
    (402, ByNumber::S402),
    (403, ByNumber::S403),
    (404, ByNumber::S404),
    (405, ByNumber::S405),
    (406, ByNumber::S406),
    (407, ByNumber::S407),
    (408, ByNumber::S408),
    (409, ByNumber::S409),
    (410, ByNumber::S410),
    (411, ByNumber::S411),
    (412, ByNumber::S412),
    (413, ByNumber::S413),
    (414, ByNumber::S414),
    (415, ByNumber::S415),
    (416, ByNumber::S416),
    (417, ByNumber::S417),
    (418, ByNumber::S418),
    (419, ByNumber::S419),
    (420, ByNumber::S420),
    (421, ByNumber::S421),
    (422, ByNumber::S422),
    (423, ByNumber::S423),
    (424, ByNumber::S424),
    (425, ByNumber::S425),
    (426, ByNumber::S426),
    (427, ByNumber::S427),
    (428, ByNumber::S428),
    (429, ByNumber::S429),
    (430, ByNumber::S430),
    (431, ByNumber::S431),
    (432, ByNumber::S432),
    (433, ByNumber::S433),
    (434, ByNumber::S434),
    (435, ByNumber::S435),
    (436, ByNumber::S436),
    (437, ByNumber::S437),
    (438, ByNumber::S438),
    (439, ByNumber::S439),
    (440, ByNumber::S440),
    (441, ByNumber::S441),
    (442, ByNumber::S442),
    (443, ByNumber::S443),
    (444, ByNumber::S444),
    (445, ByNumber::S445),
    (446, ByNumber::S446),
    (447, ByNumber::S447),
    (448, ByNumber::S448),
    (449, ByNumber::S449),
    (450, ByNumber::S450),
    (451, ByNumber::S451),
    (452, ByNumber::S452),
    (453, ByNumber::S453),
    (454, ByNumber::S454),
    (455, ByNumber::S455),
    (456, ByNumber::S456),
    (457, ByNumber::S457),
    (458, ByNumber::S458),
    (459, ByNumber::S459),
    (460, ByNumber::S460),
    (461, ByNumber::S461),
    (462, ByNumber::S462),
    (463, ByNumber::S463),
    (464, ByNumber::S464),
    (465, ByNumber::S465),
    (466, ByNumber::S466),
    (467, ByNumber::S467),
    (468, ByNumber::S468),
    (469, ByNumber::S469),
    (470, ByNumber::S470),
    (471, ByNumber::S471),
    (472, ByNumber::S472),
    (473, ByNumber::S473),
    (474, ByNumber::S474),
    (475, ByNumber::S475),
    (476, ByNumber::S476),
    (477, ByNumber::S477),
    (478, ByNumber::S478),
    (479, ByNumber::S479),
    (480, ByNumber::S480),
    (481, ByNumber::S481),
    (482, ByNumber::S482),
    (483, ByNumber::S483),
    (484, ByNumber::S484),
    (485, ByNumber::S485),
    (486, ByNumber::S486),
    (487, ByNumber::S487),
    (488, ByNumber::S488),
    (489, ByNumber::S489),
    (490, ByNumber::S490),
    (491, ByNumber::S491),
    (492, ByNumber::S492),
    (493, ByNumber::S493),
    (494, ByNumber::S494),
    (495, ByNumber::S495),
    (496, ByNumber::S496),
    (497, ByNumber::S497),
    (498, ByNumber::S498),
    (499, ByNumber::S499),
    (500, ByNumber::S500),
    (501, ByNumber::S501),
    (502, ByNumber::S502),
    (503, ByNumber::S503),
    (504, ByNumber::S504),
    (505, ByNumber::S505),
    (506, ByNumber::S506),
    (507, ByNumber::S507),
    (508, ByNumber::S508),
    (509, ByNumber::S509),
    (510, ByNumber::S510),
    (511, ByNumber::S511),
    (512, ByNumber::S512),
    (513, ByNumber::S513),
    (514, ByNumber::S514),
    (515, ByNumber::S515),
    (516, ByNumber::S516),
    (517, ByNumber::S517),
    (518, ByNumber::S518),
    (519, ByNumber::S519),
    (520, ByNumber::S520),
    (521, ByNumber::S521),
    (522, ByNumber::S522),
    (523, ByNumber::S523),
    (524, ByNumber::S524),
    (525, ByNumber::S525),
    (526, ByNumber::S526),
    (527, ByNumber::S527),
    (528, ByNumber::S528),
    (529, ByNumber::S529),
    (530, ByNumber::S530),
    (531, ByNumber::S531),
    (532, ByNumber::S532),
    (533, ByNumber::S533),
    (534, ByNumber::S534),
    (535, ByNumber::S535),
    (536, ByNumber::S536),
    (537, ByNumber::S537),
    (538, ByNumber::S538),
    (539, ByNumber::S539),
    (540, ByNumber::S540),
    (541, ByNumber::S541),
    (542, ByNumber::S542),
    (543, ByNumber::S543),
    (544, ByNumber::S544),
    (545, ByNumber::S545),
    (546, ByNumber::S546),
    (547, ByNumber::S547),
    (548, ByNumber::S548),
    (549, ByNumber::S549),
    (550, ByNumber::S550),
    (551, ByNumber::S551),
    (552, ByNumber::S552),
    (553, ByNumber::S553),
    (554, ByNumber::S554),
    (555, ByNumber::S555),
    (556, ByNumber::S556),
    (557, ByNumber::S557),
    (558, ByNumber::S558),
    (559, ByNumber::S559),
    (560, ByNumber::S560),
    (561, ByNumber::S561),
    (562, ByNumber::S562),
    (563, ByNumber::S563),
    (564, ByNumber::S564),
    (565, ByNumber::S565),
    (566, ByNumber::S566),
    (567, ByNumber::S567),
    (568, ByNumber::S568),
    (569, ByNumber::S569),
    (570, ByNumber::S570),
    (571, ByNumber::S571),
    (572, ByNumber::S572),
    (573, ByNumber::S573),
    (574, ByNumber::S574),
    (575, ByNumber::S575),
    (576, ByNumber::S576),
    (577, ByNumber::S577),
    (578, ByNumber::S578),
    (579, ByNumber::S579),
    (580, ByNumber::S580),
    (581, ByNumber::S581),
    (582, ByNumber::S582),
    (583, ByNumber::S583),
    (584, ByNumber::S584),
    (585, ByNumber::S585),
    (586, ByNumber::S586),
    (587, ByNumber::S587),
    (588, ByNumber::S588),
    (589, ByNumber::S589),
    (590, ByNumber::S590),
    (591, ByNumber::S591),
    (592, ByNumber::S592),
    (593, ByNumber::S593),
    (594, ByNumber::S594),
    (595, ByNumber::S595),
    (596, ByNumber::S596),
    (597, ByNumber::S597),
    (598, ByNumber::S598),
    (599, ByNumber::S599),
];

/// One variant per `StatusCode` constant in 400–599, named after it.
#[derive(Debug, ApiError)]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)]
enum ByName {
    #[api(status = BAD_REQUEST)]
    BAD_REQUEST,
    #[api(status = UNAUTHORIZED)]
    UNAUTHORIZED,
    #[api(status = PAYMENT_REQUIRED)]
    PAYMENT_REQUIRED,
    #[api(status = FORBIDDEN)]
    FORBIDDEN,
    #[api(status = NOT_FOUND)]
    NOT_FOUND,
    #[api(status = METHOD_NOT_ALLOWED)]
    METHOD_NOT_ALLOWED,
    #[api(status = NOT_ACCEPTABLE)]
    NOT_ACCEPTABLE,
    #[api(status = PROXY_AUTHENTICATION_REQUIRED)]
    PROXY_AUTHENTICATION_REQUIRED,
    #[api(status = REQUEST_TIMEOUT)]
    REQUEST_TIMEOUT,
    #[api(status = CONFLICT)]
    CONFLICT,
    #[api(status = GONE)]
    GONE,
    #[api(status = LENGTH_REQUIRED)]
    LENGTH_REQUIRED,
    #[api(status = PRECONDITION_FAILED)]
    PRECONDITION_FAILED,
    #[api(status = PAYLOAD_TOO_LARGE)]
    PAYLOAD_TOO_LARGE,
    #[api(status = URI_TOO_LONG)]
    URI_TOO_LONG,
    #[api(status = UNSUPPORTED_MEDIA_TYPE)]
    UNSUPPORTED_MEDIA_TYPE,
    #[api(status = RANGE_NOT_SATISFIABLE)]
    RANGE_NOT_SATISFIABLE,
    #[api(status = EXPECTATION_FAILED)]
    EXPECTATION_FAILED,
    #[api(status = IM_A_TEAPOT)]
    IM_A_TEAPOT,
    #[api(status = MISDIRECTED_REQUEST)]
    MISDIRECTED_REQUEST,
    #[api(status = UNPROCESSABLE_ENTITY)]
    UNPROCESSABLE_ENTITY,
    #[api(status = LOCKED)]
    LOCKED,
    #[api(status = FAILED_DEPENDENCY)]
    FAILED_DEPENDENCY,
    #[api(status = TOO_EARLY)]
    TOO_EARLY,
    #[api(status = UPGRADE_REQUIRED)]
    UPGRADE_REQUIRED,
    #[api(status = PRECONDITION_REQUIRED)]
    PRECONDITION_REQUIRED,
    #[api(status = TOO_MANY_REQUESTS)]
    TOO_MANY_REQUESTS,
    #[api(status = REQUEST_HEADER_FIELDS_TOO_LARGE)]
    REQUEST_HEADER_FIELDS_TOO_LARGE,
    #[api(status = UNAVAILABLE_FOR_LEGAL_REASONS)]
    UNAVAILABLE_FOR_LEGAL_REASONS,
    #[api(status = INTERNAL_SERVER_ERROR)]
    INTERNAL_SERVER_ERROR,
    #[api(status = NOT_IMPLEMENTED)]
    NOT_IMPLEMENTED,
    #[api(status = BAD_GATEWAY)]
    BAD_GATEWAY,
    #[api(status = SERVICE_UNAVAILABLE)]
    SERVICE_UNAVAILABLE,
    #[api(status = GATEWAY_TIMEOUT)]
    GATEWAY_TIMEOUT,
    #[api(status = HTTP_VERSION_NOT_SUPPORTED)]
    HTTP_VERSION_NOT_SUPPORTED,
    #[api(status = VARIANT_ALSO_NEGOTIATES)]
    VARIANT_ALSO_NEGOTIATES,
    #[api(status = INSUFFICIENT_STORAGE)]
    INSUFFICIENT_STORAGE,
    #[api(status = LOOP_DETECTED)]
    LOOP_DETECTED,
    #[api(status = NOT_EXTENDED)]
    NOT_EXTENDED,
    #[api(status = NETWORK_AUTHENTICATION_REQUIRED)]
    NETWORK_AUTHENTICATION_REQUIRED,
}

const BY_NAME: [(ByName, StatusCode); 40] = [
    (ByName::BAD_REQUEST, StatusCode::BAD_REQUEST),
    (ByName::UNAUTHORIZED, StatusCode::UNAUTHORIZED),
    (ByName::PAYMENT_REQUIRED, StatusCode::PAYMENT_REQUIRED),
    (ByName::FORBIDDEN, StatusCode::FORBIDDEN),
    (ByName::NOT_FOUND, StatusCode::NOT_FOUND),
    (ByName::METHOD_NOT_ALLOWED, StatusCode::METHOD_NOT_ALLOWED),
    (ByName::NOT_ACCEPTABLE, StatusCode::NOT_ACCEPTABLE),
    (
        ByName::PROXY_AUTHENTICATION_REQUIRED,
        StatusCode::PROXY_AUTHENTICATION_REQUIRED,
    ),
    (ByName::REQUEST_TIMEOUT, StatusCode::REQUEST_TIMEOUT),
    (ByName::CONFLICT, StatusCode::CONFLICT),
    (ByName::GONE, StatusCode::GONE),
    (ByName::LENGTH_REQUIRED, StatusCode::LENGTH_REQUIRED),
    (ByName::PRECONDITION_FAILED, StatusCode::PRECONDITION_FAILED),
    (ByName::PAYLOAD_TOO_LARGE, StatusCode::PAYLOAD_TOO_LARGE),
    (ByName::URI_TOO_LONG, StatusCode::URI_TOO_LONG),
    (
        ByName::UNSUPPORTED_MEDIA_TYPE,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
    ),
    (
        ByName::RANGE_NOT_SATISFIABLE,
        StatusCode::RANGE_NOT_SATISFIABLE,
    ),
    (ByName::EXPECTATION_FAILED, StatusCode::EXPECTATION_FAILED),
    (ByName::IM_A_TEAPOT, StatusCode::IM_A_TEAPOT),
    (ByName::MISDIRECTED_REQUEST, StatusCode::MISDIRECTED_REQUEST),
    (
        ByName::UNPROCESSABLE_ENTITY,
        StatusCode::UNPROCESSABLE_ENTITY,
    ),
    (ByName::LOCKED, StatusCode::LOCKED),
    (ByName::FAILED_DEPENDENCY, StatusCode::FAILED_DEPENDENCY),
    (ByName::TOO_EARLY, StatusCode::TOO_EARLY),
    (ByName::UPGRADE_REQUIRED, StatusCode::UPGRADE_REQUIRED),
    (
        ByName::PRECONDITION_REQUIRED,
        StatusCode::PRECONDITION_REQUIRED,
    ),
    (ByName::TOO_MANY_REQUESTS, StatusCode::TOO_MANY_REQUESTS),
    (
        ByName::REQUEST_HEADER_FIELDS_TOO_LARGE,
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
    ),
    (
        ByName::UNAVAILABLE_FOR_LEGAL_REASONS,
        StatusCode::UNAVAILABLE_FOR_LEGAL_REASONS,
    ),
    (
        ByName::INTERNAL_SERVER_ERROR,
        StatusCode::INTERNAL_SERVER_ERROR,
    ),
    (ByName::NOT_IMPLEMENTED, StatusCode::NOT_IMPLEMENTED),
    (ByName::BAD_GATEWAY, StatusCode::BAD_GATEWAY),
    (ByName::SERVICE_UNAVAILABLE, StatusCode::SERVICE_UNAVAILABLE),
    (ByName::GATEWAY_TIMEOUT, StatusCode::GATEWAY_TIMEOUT),
    (
        ByName::HTTP_VERSION_NOT_SUPPORTED,
        StatusCode::HTTP_VERSION_NOT_SUPPORTED,
    ),
    (
        ByName::VARIANT_ALSO_NEGOTIATES,
        StatusCode::VARIANT_ALSO_NEGOTIATES,
    ),
    (
        ByName::INSUFFICIENT_STORAGE,
        StatusCode::INSUFFICIENT_STORAGE,
    ),
    (ByName::LOOP_DETECTED, StatusCode::LOOP_DETECTED),
    (ByName::NOT_EXTENDED, StatusCode::NOT_EXTENDED),
    (
        ByName::NETWORK_AUTHENTICATION_REQUIRED,
        StatusCode::NETWORK_AUTHENTICATION_REQUIRED,
    ),
];

fn status(number: u16) -> StatusCode {
    StatusCode::from_u16(number).expect("400–599 are valid statuses")
}

#[test]
fn every_number_is_in_the_catalog_in_order() {
    let statuses: Vec<u16> = ByNumber::ENTRIES.iter().map(|entry| entry.status).collect();
    assert_eq!(statuses, (400..=599).collect::<Vec<u16>>());
    assert_eq!(
        ByNumber::MARKDOWN,
        errcat::docs::markdown(ByNumber::ENTRIES)
    );
}

#[test]
fn every_number_without_message_says_its_reason_phrase() {
    for (number, error) in BY_NUMBER {
        let reason = errcat::reason_phrase(status(number));
        assert_eq!(error.entry().message, reason, "{number}");
        assert_eq!(error.message().to_string(), reason, "{number}");
        assert_eq!(error.status(), status(number));
        assert_eq!(error.code(), format!("S{number}"));
    }
}

#[test]
fn reason_phrases_are_http_canonical_ones_or_the_class_fallback() {
    for (number, error) in BY_NUMBER {
        let expected = match status(number).canonical_reason() {
            Some(canonical) => canonical,
            None if number < 500 => "Client Error",
            None => "Server Error",
        };
        assert_eq!(error.entry().message, expected, "{number}");
    }
    let message = |index: usize| ByNumber::ENTRIES[index].message;
    assert_eq!(message(0), "Bad Request");
    assert_eq!(message(18), "I'm a teapot");
    assert_eq!(message(19), "Client Error");
    assert_eq!(message(99), "Client Error");
    assert_eq!(message(111), "Network Authentication Required");
    assert_eq!(message(199), "Server Error");
}

#[test]
fn every_status_code_constant_is_accepted_by_name() {
    for (error, constant) in BY_NAME {
        assert_eq!(error.status(), constant);
        assert_eq!(error.entry().status, constant.as_u16());
        assert_eq!(error.code(), format!("{error:?}"));
        assert_eq!(error.message().to_string(), errcat::reason_phrase(constant));
    }
    assert_eq!(ByName::MARKDOWN, errcat::docs::markdown(ByName::ENTRIES));
}

#[test]
fn the_names_are_every_constant_of_http_in_range() {
    let named: Vec<u16> = ByName::ENTRIES.iter().map(|entry| entry.status).collect();
    let canonical: Vec<u16> = (400..=599)
        .filter(|&number| status(number).canonical_reason().is_some())
        .collect();
    assert_eq!(named, canonical);
}
