"""The demo course in Croatian, first module only: `COURSE` holds the course-level fields and a
`modules` list with module 1; `QUIZZES` holds module 1's quiz. Both are shaped exactly like
academy.demo.content.COURSE and academy.demo.quiz_content.QUIZZES.

Terms: "12 načela dobrog demokratskog upravljanja", "Vijeće Europe", "Odbor ministara",
"vodstvo", "organizacije civilnoga društva (OCD)"; the programme keeps its local name,
"Akademija za lidere".
"""

from academy.demo.quiz_content import numeric, short, single

GOOD_LOCAL_GOVERNANCE = {
    "title": "Dobro lokalno upravljanje",
    "slug": "good-local-governance",
    "intro": (
        "Odakle potječu 12 načela dobrog demokratskog upravljanja, kako ih je preporuka iz "
        "2023. godine ažurirala i što znače za svakodnevni rad općine i kompetencije njezinih "
        "čelnika."
    ),
    "lessons": [
        {
            "title": "Od Strategije iz 2008. do CM/Rec(2023)5",
            "slug": "from-2008-strategy-to-cm-rec-2023-5",
            "minutes": 15,
            "principles": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            "tags": ["povijest", "12 načela", "Vijeće Europe"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Odakle potječu 12 načela", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Odbor ministara Vijeća Europe podržao je 2008. godine "
                        "<b>Strategiju za inovacije i dobro upravljanje na lokalnoj razini</b>. "
                        "Njezinu srž činilo je dvanaest načela dobrog demokratskog upravljanja: "
                        "zajednički opis onoga što građani s pravom mogu očekivati od vlasti "
                        "koja im je najbliža. U godinama koje su uslijedile Vijeće Europe "
                        "razvilo je praktične alate koji općinama pomažu da načela primijene u "
                        "radu, među njima Program Akademije za lidere (LAP) i Europsku oznaku "
                        "izvrsnosti u upravljanju (ELoGE).</p><p>Načela nikada nisu bila "
                        "zamišljena kao kontrolni popis za pravnike. Ona opisuju ishode: "
                        "poštene izbore, usluge koje odgovaraju na potrebe, novac kojim se "
                        "razborito upravlja, odluke koje građani mogu pratiti i propitivati. "
                        "Petnaest godina bila su zajednički jezik općinama, udrugama općina i "
                        "gradova, civilnom društvu i trenerima diljem Europe, pa i u Bosni i "
                        "Hercegovini.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Revizija iz 2023. godine", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Odbor ministara usvojio je 2023. godine <b>Preporuku "
                        "CM/Rec(2023)5</b> o načelima dobrog demokratskog upravljanja. "
                        "Preporuka zadržava dvanaest načela, ali mijenja njihove nazive, "
                        "redoslijed i ono što se pod svakim od njih očekuje. Mjerilo iz 2023. "
                        "godine opisuje svako načelo kroz tri izjave o ishodima, tako da općina "
                        "može postaviti konkretno pitanje: vidi li se taj ishod u našem radu i "
                        "kako bismo to pokazali?</p><p>Popis, prema redoslijedu iz 2023. "
                        "godine, glasi:</p><ol><li>Demokratsko sudjelovanje</li><li>Ljudska "
                        "prava</li><li>Vladavina prava</li><li>Javna "
                        "etika</li><li>Odgovornost</li><li>Otvorenost i "
                        "transparentnost</li><li>Učinkovita, djelotvorna i pouzdana "
                        "uprava</li><li>Vodstvo, sposobnost i "
                        "kapacitet</li><li>Responzivnost</li><li>Dobro financijsko i "
                        "gospodarsko upravljanje</li><li>Održivost i dugoročna "
                        "usmjerenost</li><li>Otvorenost prema promjenama i "
                        "inovacijama</li></ol><p>Nova numeracija važna je u praksi. Stariji "
                        "priručnici, izvješća o samoprocjeni i materijali za izobrazbu koriste "
                        "brojeve iz 2008. godine. Responzivnost je, na primjer, 2008. bila "
                        "načelo 2, a danas je načelo 9, dok je Odgovornost s broja 12 prešla "
                        "na broj 5. Kada čitate neki dokument, provjerite koji popis slijedi. "
                        "Na ovoj platformi svaka lekcija, svako pitanje u kvizu i svaki "
                        "certifikat koriste brojeve iz 2023. godine.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "info",
                        "title": "Dva broja, jedno načelo",
                        "body": (
                            '<p>Ako kolega spomene "načelo 4", pitajte misli li na popis iz '
                            "2008. (Otvorenost i transparentnost) ili na popis iz 2023. "
                            "(Javna etika). Platforma čuva oba broja kako bi se starija "
                            "izvješća i dalje mogla usporediti s novima.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Zašto su načela važna za općinu",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Za načelnika, općinsko vijeće ili pročelnika upravnog odjela "
                        "načela su i ogledalo i kompas. Kao ogledalo pokazuju kako općina "
                        "izgleda izvana: mladoj obitelji koja traži građevinsku dozvolu, "
                        "lokalnoj udruzi koja traži potporu, ulagaču koji čeka odluku. Kao "
                        "kompas pomažu čelnicima da odaberu prioritete kada nema dovoljno "
                        "novca ili ljudi da se sve učini odjednom.</p><p>U Bosni i "
                        "Hercegovini, gdje općine i gradovi rade prema različitim entitetskim, "
                        "županijskim i distriktnim propisima, načela nude zajedničku "
                        "referentnu točku koja ne ovisi o tim razlikama. Općina u Federaciji i "
                        "grad u Republici Srpskoj mogu usporediti svoju praksu na istih "
                        "dvanaest točaka i učiti jedni od drugih, kao što to čine četiri "
                        "općine u jednoj skupini LAP-a.</p>"
                    ),
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Sjetite se jedne odluke koju je vaša općina donijela u protekloj "
                            "godini. Kojem je od 12 načela dobro poslužila, a koje je "
                            "zanemarila?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Načela u svakodnevnom radu općine",
            "slug": "principles-in-daily-municipal-work",
            "minutes": 20,
            "principles": [7, 9],
            "tags": ["javne usluge", "uprava", "pružanje usluga"],
            "body": [
                {
                    "type": "heading",
                    "value": {
                        "text": "Načela se vide na šalteru",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Građani rijetko čitaju strategije. S općinom se susreću na šalteru, "
                        "telefonom, na njezinoj mrežnoj stranici i kroz odluke koje stignu do "
                        "njihove ulice. Tu se svakodnevno provjeravaju dva načela: "
                        "<b>Učinkovita, djelotvorna i pouzdana uprava</b> (načelo 7) i "
                        "<b>Responzivnost</b> (načelo 9).</p><p>Učinkovita uprava znači da se "
                        "rezultati postižu raspoloživim resursima, da su postupci jednostavni "
                        "koliko zakon dopušta i da općina provjerava ostvaruje li svoje "
                        "ciljeve. Djelotvornost postavlja drukčije pitanje: je li usluga doista "
                        "riješila problem? Dozvola izdana brzo, ali s pogreškama, ili cesta "
                        "popravljena na vrijeme, ali bez odvodnje, učinkovite su na papiru, a "
                        "nedjelotvorne u praksi. Pouzdana uprava dodaje jasna pravila i urednu "
                        "evidenciju, kako bi sljedeći službenik mogao nastaviti ondje gdje je "
                        "prethodni stao.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Tri primjera iz svakodnevice", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Centar za pružanje usluga građanima.</b> Općina preuređuje "
                        "šalter-salu tako da građanin sve dokumente za građevinsku dozvolu može "
                        "predati na jednom mjestu, dobiva pisanu potvrdu s brojem predmeta i "
                        "može online pratiti status zahtjeva. Vrijeme čekanja bilježi se svakog "
                        "mjeseca i objavljuje.</li><li><b>Standardni rokovi za odgovor.</b> "
                        "Ured načelnika uvodi interno pravilo da svaki pisani zahtjev u "
                        "utvrđenom broju radnih dana dobije barem potvrdu primitka, čak i ako "
                        "potpuni odgovor traje dulje. Uprava dvaput godišnje izvješćuje vijeće "
                        "o tome koliko se često pravilo poštovalo.</li><li><b>Zimsko "
                        "održavanje.</b> Prije zime komunalni odjel objavljuje redoslijed "
                        "čišćenja ulica i broj telefona za hitne slučajeve, kako bi stanovnici "
                        "udaljenih mjesnih zajednica znali što mogu očekivati.</li></ul><p>Ni "
                        "jedan od tih primjera ne traži velik proračun. Svaki traži nekoga tko "
                        "će odlučiti da vrijeme i povjerenje građana zaslužuju pozornost, i "
                        "rutinu koja tu odluku održava i nakon što prvo oduševljenje "
                        "splasne.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Responzivnost je više od brzine", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Responzivnost znači da općina svoje ciljeve, pravila i postupke "
                        "prilagođava legitimnim potrebama i očekivanjima građana i da zahtjevi "
                        "i prigovori dobivaju odgovor u razumnom roku. Brzina je dio toga, ali "
                        "i slušanje. Ako mnogo roditelja traži dulje radno vrijeme vrtića, "
                        "responzivna općina ozbiljno razmotri zahtjev, objasni što je moguće, a "
                        "što nije, i o tome obavijesti roditelje.</p><p>Responzivnost ima i "
                        "svoje granice. Nije svaki zahtjev legitiman niti financijski izvediv, "
                        "a dobra uprava to otvoreno kaže umjesto da obećava ono što ne može "
                        'ispuniti. Jasno i pristojno "ne", uz obrazloženje, responzivnije je od '
                        "šutnje.</p>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "text": (
                            "Javne usluge pružaju se, a na zahtjeve i prigovore odgovara se, u "
                            "razumnom roku."
                        ),
                        "attribution": "Načelo 9, Responzivnost (parafrazirano)",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "tip",
                        "title": "Počnite od malog",
                        "body": (
                            "<p>Odaberite jednu uslugu na koju stiže mnogo prigovora, izmjerite "
                            "koliko danas traje i sa zaposlenicima koji je pružaju dogovorite "
                            "realan cilj. Rezultat objavite nakon tri mjeseca.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Na koju se uslugu u vašoj općini građani najčešće žale? Kako bi "
                            "učinkovito, djelotvorno i responzivno pružanje te usluge izgledalo "
                            "za godinu dana?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Kompetencije lokalnih čelnika",
            "slug": "competences-for-local-leaders",
            "minutes": 15,
            "principles": [8],
            "tags": ["kompetencije", "izgradnja kapaciteta", "ljudski potencijali"],
            "body": [
                {
                    "type": "heading",
                    "value": {
                        "text": "Načelo 8: Vodstvo, sposobnost i kapacitet",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Načelo 8, <b>Vodstvo, sposobnost i kapacitet</b>, traži da "
                        "izabrani predstavnici i zaposlenici imaju vještine, znanje i resurse "
                        "koji su im potrebni za posao i da čelnici preuzmu odgovornost za "
                        "njihov razvoj. Ono povezuje pojedinačnu kompetenciju (što neka osoba "
                        "može učiniti) s kapacitetom organizacije (što općina kao cjelina može "
                        "ostvariti). Vješt pročelnik ne može nadoknaditi organizaciju bez "
                        "jasnih postupaka, a dobri postupci ne daju rezultat ako nitko nema "
                        "vještine da ih primijeni.</p><p>Vodstvo u općini nije ograničeno na "
                        "načelnika. Vijećnici vode kada pripremaju odluku i objašnjavaju je "
                        "biračima. Pročelnici vode svoje timove. Onaj tko rukovodi općinskom "
                        "upravom vodi njezin svakodnevni rad. Predstavnici OCD-a vode kada "
                        "okupljaju građane oko nekog lokalnog problema. Program Akademije za "
                        "lidere temelji se na ideji da sve te uloge traže vještine vodstva i da "
                        "ih je najkorisnije vježbati zajedno.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Kompetencije potrebne lokalnom čelniku", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Programi izobrazbe i okviri kompetencija opisuju lokalno vodstvo "
                        "na različite načine, ali većina obuhvaća sljedeće skupine "
                        "kompetencija:</p><ul><li><b>Strateško razmišljanje</b>: postavljanje "
                        "prioriteta, sagledavanje kako današnje odluke utječu na idućih deset "
                        "godina, povezivanje proračuna sa strategijom "
                        "razvoja.</li><li><b>Upravljanje ljudima</b>: delegiranje, davanje "
                        "povratnih informacija, priznavanje dobrog rada, rješavanje sukoba u "
                        "timu.</li><li><b>Komunikacija</b>: objašnjavanje odluka jednostavnim "
                        "jezikom, slušanje građana i zaposlenika, dobro vođenje "
                        "sastanaka.</li><li><b>Poznavanje okvira</b>: zakoni o lokalnoj "
                        "samoupravi, javnim financijama, javnoj nabavi i pravu na pristup "
                        "informacijama koji vrijede u vašem entitetu, županiji ili "
                        "distriktu.</li><li><b>Etičko prosuđivanje</b>: prepoznavanje sukoba "
                        "interesa i postupanje s integritetom kada pravila nisu "
                        "jasna.</li><li><b>Otvorenost za učenje</b>: traženje povratnih "
                        "informacija, učenje od drugih općina i isprobavanje novih "
                        "pristupa.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Izgradnja kapaciteta, ne samo vještina", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Kompetencije više rastu kroz praksu, promišljanje i povratne "
                        "informacije nego kroz predavanja. Zato LAP kombinira radionice s "
                        "radom na stvarnim pitanjima općine između susreta. Korisno pitanje za "
                        "svakog čelnika glasi: tko bi u mom timu mogao obavljati moj posao da "
                        'me mjesec dana nema? Ako je odgovor "nitko", općina ima problem s '
                        "kapacitetom, koliko god njezin čelnik bio sposoban.</p><p>Praktični "
                        "koraci uključuju jednostavan plan izobrazbe zaposlenika povezan s "
                        "godišnjim ciljevima, program uvođenja za novoizabrane vijećnike nakon "
                        "lokalnih izbora, ažurne opise radnih mjesta i mentorstvo u kojem "
                        "iskusni službenici podupiru nove. Takvi su koraci realna polazna "
                        "točka, a sljedeća radionica LAP-a dobra je prilika da se osvrnete na "
                        "ono što je uspjelo i ono što nije.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "warning",
                        "title": "Zamka junaka",
                        "body": (
                            "<p>Čelnik koji svaki problem rješava osobno može se osjećati "
                            "nezamjenjivim, ali organizacija pritom ništa ne nauči. Kapacitet "
                            "se gradi kada čelnici puste druge da preuzmu odgovornost i naprave "
                            "pogreške iz kojih mogu učiti.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Odaberite tri kompetencije iz ove lekcije. Iskreno ocijenite sebe "
                            "u svakoj od njih i navedite jednu konkretnu situaciju u idućih "
                            "mjesec dana u kojoj je možete vježbati."
                        ),
                    },
                },
            ],
        },
    ],
}

GOOD_LOCAL_GOVERNANCE_QUIZ = {
    "title": "Kviz: Dobro lokalno upravljanje",
    "slug": "quiz-good-local-governance",
    "intro": "<p>Tri pitanja o tome odakle potječu 12 načela.</p>",
    "settings": {"pass_mark": 70, "max_attempts": 3, "wait_minutes": 0},
    "questions": [
        (
            "Koje je godine usvojeno prvih 12 načela dobrog demokratskog upravljanja?",
            1,
            [1],
            numeric(2008),
            "12 načela bilo je dio Strategije za inovacije i dobro upravljanje na lokalnoj "
            "razini iz 2008. godine.",
        ),
        (
            "Kojom su preporukom Odbora ministara načela ažurirana 2023. godine?",
            1,
            [1],
            short("CM/Rec(2023)5", "CM/Rec (2023) 5", "Rec(2023)5"),
            "Preporuka CM/Rec(2023)5 iznova je formulirala i prenumerirala 12 načela.",
        ),
        (
            "Koji broj ima Responzivnost na popisu iz 2023. godine?",
            1,
            [9],
            single(
                ("9", True, "Točno: Responzivnost je na popisu iz 2023. načelo 9."),
                ("2", False, "To je bio njezin broj 2008. godine."),
                ("6", False, "Načelo 6 je Otvorenost i transparentnost."),
                ("12", False, "Načelo 12 je Otvorenost prema promjenama i inovacijama."),
            ),
            "Popis iz 2023. prenumerirao je načela; Responzivnost je s broja 2 prešla na broj 9.",
        ),
    ],
}

COURSE = {
    "title": "LAP faza 1 - Vodstvo za organizacije",
    "slug": "lap-stage-1",
    "summary": (
        "Prva faza Programa Akademije za lidere Vijeća Europe, s online lekcijama koje se prate "
        "između radionica. Uvodi 12 načela dobrog demokratskog upravljanja, funkcije i stilove "
        "lokalnog vodstva, mjerilo ELoGE te praktične načine rada s građanima i civilnim "
        "društvom."
    ),
    "audience": (
        "Načelnici, općinski vijećnici, viši općinski službenici i predstavnici organizacija "
        "civilnoga društva u Bosni i Hercegovini koji sudjeluju u jednoj od skupina LAP-a."
    ),
    "estimated_hours": 12,
    "learning_outcomes": [
        (
            "Objasniti 12 načela dobrog demokratskog upravljanja i kako je Preporuka "
            "CM/Rec(2023)5 izmijenila popis iz 2008. godine."
        ),
        (
            "Prepoznati kako se načela primjenjuju u svakodnevnim općinskim uslugama, "
            "odlukama i sastancima."
        ),
        "Opisati glavne funkcije lokalnih čelnika i prilagoditi stil vodstva situaciji.",
        "Prepoznati etičke rizike u radu općine i ojačati odgovornost.",
        "Opisati faze i alate ELoGE-a i pretočiti rezultate procjene u plan poboljšanja.",
        (
            "Isplanirati kako građane i OCD-e informirati, savjetovati se s njima i uključiti "
            "ih u lokalnu odluku."
        ),
    ],
    "principles": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    "tags": [
        "vodstvo",
        "dobro upravljanje",
        "lokalna samouprava",
        "12 načela",
        "ELoGE",
        "sudjelovanje",
    ],
    "modules": [GOOD_LOCAL_GOVERNANCE],
}

QUIZZES = {
    "good-local-governance": GOOD_LOCAL_GOVERNANCE_QUIZ,
}
