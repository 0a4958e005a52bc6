"""The demo course in Bosnian (ijekavian): `COURSE` and `QUIZZES` shaped exactly like
academy.demo.content.COURSE and academy.demo.quiz_content.QUIZZES.

Only human-readable text is translated; slugs, block types, flags, points and principle numbers
are the English ones. Terms: "12 principa dobrog demokratskog upravljanja", "Akademija za lidere",
"Vijeće Evrope", "Komitet ministara", "organizacije civilnog društva (OCD)".
"""

from academy.demo.quiz_content import (
    matching,
    multiple,
    numeric,
    open_answer,
    short,
    single,
    true_false,
)

GOOD_LOCAL_GOVERNANCE = {
    "title": "Dobro lokalno upravljanje",
    "slug": "good-local-governance",
    "intro": (
        "Odakle potiču 12 principa dobrog demokratskog upravljanja, kako ih je preporuka iz "
        "2023. godine ažurirala i šta znače za svakodnevni rad općine i kompetencije njenih "
        "lidera."
    ),
    "lessons": [
        {
            "title": "Od Strategije iz 2008. do CM/Rec(2023)5",
            "slug": "from-2008-strategy-to-cm-rec-2023-5",
            "minutes": 15,
            "principles": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            "tags": ["historija", "12 principa", "Vijeće Evrope"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Odakle potiču 12 principa", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Komitet ministara Vijeća Evrope podržao je 2008. godine "
                        "<b>Strategiju za inovacije i dobro upravljanje na lokalnom nivou</b>. "
                        "Njeno središte činilo je dvanaest principa dobrog demokratskog "
                        "upravljanja: zajednički opis onoga što građani s pravom mogu očekivati "
                        "od vlasti koja im je najbliža. U godinama koje su uslijedile Vijeće "
                        "Evrope razvilo je praktične alate koji općinama pomažu da principe "
                        "primijene u radu, među njima Program Akademije za lidere (LAP) i "
                        "Evropsku oznaku izvrsnosti u upravljanju (ELoGE).</p><p>Principi "
                        "nikada nisu bili zamišljeni kao kontrolna lista za pravnike. Oni "
                        "opisuju ishode: poštene izbore, usluge koje odgovaraju na potrebe, "
                        "novac kojim se razborito upravlja, odluke koje građani mogu pratiti i "
                        "preispitivati. Petnaest godina bili su zajednički jezik općinama, "
                        "savezima općina i gradova, civilnom društvu i trenerima širom Evrope, "
                        "pa i u Bosni i Hercegovini.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Revizija iz 2023. godine", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Komitet ministara usvojio je 2023. godine <b>Preporuku "
                        "CM/Rec(2023)5</b> o principima dobrog demokratskog upravljanja. "
                        "Preporuka zadržava dvanaest principa, ali mijenja njihove nazive, "
                        "redoslijed i ono što se pod svakim od njih očekuje. Mjerilo iz 2023. "
                        "godine opisuje svaki princip kroz tri izjave o ishodima, tako da općina "
                        "može postaviti konkretno pitanje: vidi li se ovaj ishod u našem radu i "
                        "kako bismo to pokazali?</p><p>Lista, prema redoslijedu iz 2023. "
                        "godine, glasi:</p><ol><li>Demokratsko učešće</li><li>Ljudska "
                        "prava</li><li>Vladavina prava</li><li>Javna "
                        "etika</li><li>Odgovornost</li><li>Otvorenost i "
                        "transparentnost</li><li>Efikasna, efektivna i pouzdana "
                        "uprava</li><li>Liderstvo, sposobnost i "
                        "kapacitet</li><li>Responzivnost</li><li>Dobro finansijsko i "
                        "ekonomsko upravljanje</li><li>Održivost i dugoročna "
                        "orijentacija</li><li>Otvorenost za promjene i "
                        "inovacije</li></ol><p>Nova numeracija važna je u praksi. Stariji "
                        "priručnici, izvještaji o samoprocjeni i materijali za obuku koriste "
                        "brojeve iz 2008. godine. Responzivnost je, naprimjer, 2008. bila "
                        "princip 2, a danas je princip 9, dok je Odgovornost s broja 12 prešla "
                        "na broj 5. Kada čitate neki dokument, provjerite koju listu slijedi. Na "
                        "ovoj platformi svaka lekcija, svako pitanje u kvizu i svaki certifikat "
                        "koriste brojeve iz 2023. godine.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "info",
                        "title": "Dva broja, jedan princip",
                        "body": (
                            '<p>Ako kolega spomene "princip 4", pitajte misli li na listu iz '
                            "2008. (Otvorenost i transparentnost) ili na listu iz 2023. "
                            "(Javna etika). Platforma čuva oba broja kako bi se stariji "
                            "izvještaji i dalje mogli porediti s novim.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Zašto su principi važni za općinu",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Za načelnika, općinsko vijeće ili šefa službe principi su i "
                        "ogledalo i kompas. Kao ogledalo pokazuju kako općina izgleda izvana: "
                        "mladoj porodici koja traži građevinsku dozvolu, lokalnom udruženju "
                        "koje traži grant, investitoru koji čeka odluku. Kao kompas pomažu "
                        "liderima da odaberu prioritete kada nema dovoljno novca ili ljudi da "
                        "se sve uradi odjednom.</p><p>U Bosni i Hercegovini, gdje općine i "
                        "gradovi rade prema različitim entitetskim, kantonalnim i distriktnim "
                        "propisima, principi nude zajedničku referentnu tačku koja ne zavisi od "
                        "tih razlika. Općina u Federaciji i grad u Republici Srpskoj mogu "
                        "uporediti svoju praksu na istih dvanaest tačaka i učiti jedni od "
                        "drugih, kao što to čine četiri općine u jednoj LAP grupi.</p>"
                    ),
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Sjetite se jedne odluke koju je vaša općina donijela u protekloj "
                            "godini. Kojem je od 12 principa dobro poslužila, a koji je "
                            "zanemarila?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Principi u svakodnevnom radu općine",
            "slug": "principles-in-daily-municipal-work",
            "minutes": 20,
            "principles": [7, 9],
            "tags": ["javne usluge", "uprava", "pružanje usluga"],
            "body": [
                {
                    "type": "heading",
                    "value": {
                        "text": "Principi se vide na šalteru",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Građani rijetko čitaju strategije. S općinom se susreću na šalteru, "
                        "telefonom, na njenoj web-stranici i kroz odluke koje stignu do njihove "
                        "ulice. Tu se svakodnevno provjeravaju dva principa: <b>Efikasna, "
                        "efektivna i pouzdana uprava</b> (princip 7) i <b>Responzivnost</b> "
                        "(princip 9).</p><p>Efikasna uprava znači da se rezultati postižu "
                        "raspoloživim resursima, da su procedure jednostavne koliko zakon "
                        "dopušta i da općina provjerava ostvaruje li svoje ciljeve. Efektivnost "
                        "postavlja drugačije pitanje: je li usluga zaista riješila problem? "
                        "Dozvola izdata brzo, ali s greškama, ili put popravljen na vrijeme, ali "
                        "bez odvodnje, efikasni su na papiru, a neefektivni u praksi. Pouzdana "
                        "uprava dodaje jasna pravila i urednu evidenciju, kako bi sljedeći "
                        "službenik mogao nastaviti tamo gdje je prethodni stao.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Tri primjera iz svakodnevice", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Centar za pružanje usluga građanima.</b> Općina "
                        "reorganizuje šalter-salu tako da građanin sve dokumente za građevinsku "
                        "dozvolu može predati na jednom mjestu, dobija pisanu potvrdu s brojem "
                        "predmeta i može online pratiti status zahtjeva. Vrijeme čekanja bilježi "
                        "se svakog mjeseca i objavljuje.</li><li><b>Standardni rokovi za "
                        "odgovor.</b> Kabinet načelnika uvodi interno pravilo da svaki pisani "
                        "zahtjev u utvrđenom broju radnih dana dobije barem potvrdu prijema, "
                        "čak i ako potpuni odgovor traje duže. Uprava dva puta godišnje "
                        "izvještava vijeće o tome koliko se često pravilo "
                        "poštovalo.</li><li><b>Zimsko održavanje.</b> Prije zime služba za "
                        "komunalne poslove objavljuje redoslijed čišćenja ulica i broj telefona "
                        "za hitne slučajeve, kako bi stanovnici udaljenih mjesnih zajednica "
                        "znali šta mogu očekivati.</li></ul><p>Nijedan od ovih primjera ne "
                        "traži veliki budžet. Svaki traži nekoga ko će odlučiti da vrijeme i "
                        "povjerenje građana zaslužuju pažnju, i rutinu koja tu odluku održava i "
                        "nakon što prvi entuzijazam splasne.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Responzivnost je više od brzine", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Responzivnost znači da općina svoje ciljeve, pravila i procedure "
                        "prilagođava legitimnim potrebama i očekivanjima građana i da zahtjevi "
                        "i prigovori dobijaju odgovor u razumnom roku. Brzina je dio toga, ali i "
                        "slušanje. Ako mnogo roditelja traži duže radno vrijeme vrtića, "
                        "responzivna općina ozbiljno razmotri zahtjev, objasni šta je moguće, a "
                        "šta nije, i o tome obavijesti roditelje.</p><p>Responzivnost ima i "
                        "svoje granice. Nije svaki zahtjev legitiman niti finansijski izvodiv, a "
                        "dobra uprava to otvoreno kaže umjesto da obećava ono što ne može "
                        'ispuniti. Jasno i pristojno "ne", uz obrazloženje, responzivnije je od '
                        "šutnje.</p>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "text": (
                            "Javne usluge se pružaju, a na zahtjeve i prigovore odgovara se, u "
                            "razumnom roku."
                        ),
                        "attribution": "Princip 9, Responzivnost (parafrazirano)",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "tip",
                        "title": "Počnite od malog",
                        "body": (
                            "<p>Odaberite jednu uslugu na koju stiže mnogo prigovora, izmjerite "
                            "koliko danas traje i s uposlenicima koji je pružaju dogovorite "
                            "realan cilj. Rezultat objavite nakon tri mjeseca.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Na koju se uslugu u vašoj općini građani najčešće žale? Kako bi "
                            "efikasno, efektivno i responzivno pružanje te usluge izgledalo za "
                            "godinu dana?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Kompetencije lokalnih lidera",
            "slug": "competences-for-local-leaders",
            "minutes": 15,
            "principles": [8],
            "tags": ["kompetencije", "izgradnja kapaciteta", "ljudski resursi"],
            "body": [
                {
                    "type": "heading",
                    "value": {
                        "text": "Princip 8: Liderstvo, sposobnost i kapacitet",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Princip 8, <b>Liderstvo, sposobnost i kapacitet</b>, traži da "
                        "izabrani predstavnici i uposlenici imaju vještine, znanje i resurse "
                        "koji su im potrebni za posao i da lideri preuzmu odgovornost za njihov "
                        "razvoj. On povezuje pojedinačnu kompetenciju (šta neka osoba može "
                        "uraditi) s kapacitetom organizacije (šta općina kao cjelina može "
                        "ostvariti). Vješt šef službe ne može nadoknaditi organizaciju bez "
                        "jasnih procedura, a dobre procedure ne daju rezultat ako niko nema "
                        "vještine da ih primijeni.</p><p>Liderstvo u općini nije ograničeno na "
                        "načelnika. Vijećnici vode kada pripremaju odluku i objašnjavaju je "
                        "biračima. Šefovi službi vode svoje timove. Onaj ko rukovodi općinskom "
                        "upravom vodi njen svakodnevni rad. Predstavnici OCD-a vode kada "
                        "okupljaju građane oko nekog lokalnog problema. Program Akademije za "
                        "lidere zasniva se na ideji da sve ove uloge traže liderske vještine i "
                        "da ih je najkorisnije vježbati zajedno.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Kompetencije potrebne lokalnom lideru", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Programi obuke i okviri kompetencija opisuju lokalno liderstvo na "
                        "različite načine, ali većina obuhvata sljedeće grupe "
                        "kompetencija:</p><ul><li><b>Strateško razmišljanje</b>: postavljanje "
                        "prioriteta, sagledavanje kako današnje odluke utiču na narednih deset "
                        "godina, povezivanje budžeta sa strategijom "
                        "razvoja.</li><li><b>Upravljanje ljudima</b>: delegiranje, davanje "
                        "povratnih informacija, priznavanje dobrog rada, rješavanje sukoba u "
                        "timu.</li><li><b>Komunikacija</b>: objašnjavanje odluka jednostavnim "
                        "jezikom, slušanje građana i uposlenika, dobro vođenje "
                        "sastanaka.</li><li><b>Poznavanje okvira</b>: zakoni o lokalnoj "
                        "samoupravi, javnim finansijama, javnim nabavkama i slobodi pristupa "
                        "informacijama koji važe u vašem entitetu, kantonu ili "
                        "distriktu.</li><li><b>Etičko rasuđivanje</b>: prepoznavanje sukoba "
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
                        "informacije nego kroz predavanja. Zato LAP kombinuje radionice s radom "
                        "na stvarnim pitanjima općine između susreta. Korisno pitanje za svakog "
                        "lidera glasi: ko bi u mom timu mogao raditi moj posao da me mjesec dana "
                        'nema? Ako je odgovor "niko", općina ima problem s kapacitetom, ma '
                        "koliko njen lider bio sposoban.</p><p>Praktični koraci uključuju "
                        "jednostavan plan obuke uposlenika povezan s godišnjim ciljevima, "
                        "program uvođenja za novoizabrane vijećnike nakon lokalnih izbora, "
                        "ažurne opise radnih mjesta i mentorstvo u kojem iskusni službenici "
                        "podržavaju nove. Ovakvi koraci su realna polazna tačka, a sljedeća LAP "
                        "radionica dobra je prilika da se osvrnete na ono što je uspjelo i ono "
                        "što nije.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "warning",
                        "title": "Zamka heroja",
                        "body": (
                            "<p>Lider koji svaki problem rješava lično može se osjećati "
                            "nezamjenjivim, ali organizacija pritom ništa ne nauči. Kapacitet "
                            "se gradi kada lideri puste druge da preuzmu odgovornost i naprave "
                            "greške iz kojih mogu učiti.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Odaberite tri kompetencije iz ove lekcije. Iskreno ocijenite sebe "
                            "u svakoj od njih i navedite jednu konkretnu situaciju u narednih "
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
    "intro": "<p>Tri pitanja o tome odakle potiču 12 principa.</p>",
    "settings": {"pass_mark": 70, "max_attempts": 3, "wait_minutes": 0},
    "questions": [
        (
            "Koje godine je usvojeno prvih 12 principa dobrog demokratskog upravljanja?",
            1,
            [1],
            numeric(2008),
            "12 principa bili su dio Strategije za inovacije i dobro upravljanje na lokalnom "
            "nivou iz 2008. godine.",
        ),
        (
            "Kojom su preporukom Komiteta ministara principi ažurirani 2023. godine?",
            1,
            [1],
            short("CM/Rec(2023)5", "CM/Rec (2023) 5", "Rec(2023)5"),
            "Preporuka CM/Rec(2023)5 iznova je formulisala i prenumerisala 12 principa.",
        ),
        (
            "Koji broj ima Responzivnost na listi iz 2023. godine?",
            1,
            [9],
            single(
                ("9", True, "Tačno: Responzivnost je na listi iz 2023. princip 9."),
                ("2", False, "To je bio njen broj 2008. godine."),
                ("6", False, "Princip 6 je Otvorenost i transparentnost."),
                ("12", False, "Princip 12 je Otvorenost za promjene i inovacije."),
            ),
            "Lista iz 2023. prenumerisala je principe; Responzivnost je s broja 2 prešla na "
            "broj 9.",
        ),
    ],
}

UNDERSTANDING_LEADERSHIP = {
    "title": "Razumijevanje liderstva",
    "slug": "understanding-leadership",
    "intro": (
        "Čemu služe lokalni lideri, zašto nijedan stil liderstva ne odgovara svakoj situaciji i "
        "kako su vrijednosti i javna etika temelj povjerenja u lokalnu vlast."
    ),
    "lessons": [
        {
            "title": "Funkcije lokalnih lidera",
            "slug": "functions-of-local-leaders",
            "minutes": 20,
            "principles": [1, 11],
            "tags": ["vizija", "strategija", "učešće", "javne usluge"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Čemu služe lokalni lideri", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Lokalni lideri biraju se ili imenuju da služe zajednici, a ne "
                        "instituciji. U prvoj fazi LAP-a njihova uloga opisana je kroz tri "
                        "povezane funkcije: davanje smjera zajednici (vizija), staranje o tome "
                        "da javne usluge funkcionišu i uključivanje građana u odluke koje ih se "
                        "tiču. Načelnik koji dobro upravlja uslugama, ali nema viziju, "
                        "ostavlja općinu da tapka u mjestu. Načelnik sa smjelom vizijom "
                        "koji zanemaruje usluge brzo gubi povjerenje građana. I jedan i drugi "
                        "donose lošije odluke ako građani nemaju stvaran glas.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Vizija i dugoročni pogled", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Vizija odgovara na pitanje: kakvo mjesto želimo da ova općina bude "
                        "za deset ili petnaest godina? Općine u Bosni i Hercegovini izrađuju "
                        "strategije razvoja, a vizija iz strategije trebala bi usmjeravati "
                        "godišnji budžet i program rada. Ipak, strategija prečesto stoji na "
                        "polici, a budžet se kroji po navici.</p><p>Princip 11, <b>Održivost i "
                        "dugoročna orijentacija</b>, traži od lidera da uzmu u obzir interese "
                        "budućih generacija. U praksi to znači da se prije svake veće odluke "
                        "zapitaju koliko će koštati njeno održavanje, ko će to koristiti za "
                        "dvadeset godina i kakav je uticaj na okoliš. Nova sportska dvorana "
                        "dobra je investicija samo ako općina može plaćati račune za grijanje i "
                        "održavanje; gradnja uz rijeku mora uzeti u obzir rizik od "
                        "poplava.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Usluge i uključivanje građana", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>U uslugama se vizija susreće sa svakodnevnim životom: "
                        "vodosnabdijevanje, odvoz otpada, lokalni putevi, predškolski odgoj, "
                        "dozvole i uvjerenja. Lideri ne pružaju te usluge sami, ali postavljaju "
                        "standarde, raspoređuju resurse i pitaju se jesu li rezultati dovoljno "
                        "dobri.</p><p>Princip 1, <b>Demokratsko učešće</b>, podsjeća lidere da "
                        "građani nisu samo korisnici usluga nego i članovi političke zajednice. "
                        "Oni biraju načelnika i vijeće, ali učešće se ne završava na dan "
                        "izbora. Mjesne zajednice, javne rasprave, građanske inicijative i "
                        "konsultacije s OCD-ima daju ljudima priliku da učestvuju i između "
                        "izbora. Lider koji te kanale koristi rano, dok su opcije još otvorene, "
                        "dobija bolje informacije i donosi legitimnije odluke.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "info",
                        "title": "Tri faze LAP-a",
                        "body": (
                            "<p>Program Akademije za lidere ima tri faze: <b>Liderstvo za "
                            "organizacije</b> (ovaj kurs), <b>Liderstvo za strategiju</b> i "
                            "<b>Liderstvo za izgradnju kapaciteta</b>. Prva faza usmjerena je na "
                            "vas, vaš tim i vašu organizaciju; kasnije faze nadograđuju se na "
                            "nju.</p>"
                        ),
                    },
                },
                {
                    "type": "quote",
                    "value": {
                        "text": (
                            "Voditi općinu znači istovremeno imati na umu tri stvari: kuda "
                            "idemo, šta danas funkcioniše i ko sjedi za stolom."
                        ),
                        "attribution": "Učesnik LAP-a, 2024.",
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Napišite jednu rečenicu koja opisuje viziju vaše općine. Zatim "
                            "navedite jedan aktuelni problem s nekom uslugom i jednu grupu "
                            "građana koju bi trebalo uključiti u njegovo rješavanje. Kako su te "
                            "tri stvari povezane?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Situacijsko liderstvo: nijedan stil ne odgovara svima",
            "slug": "situational-leadership",
            "minutes": 20,
            "principles": [8],
            "tags": ["stilovi liderstva", "situacijsko liderstvo", "timovi"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Nijedan stil ne odgovara svima", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Raširen je mit da postoji jedan ispravan način vođenja: snažan "
                        "lider koji o svemu odlučuje ili ljubazan lider koji nastoji da svi "
                        "budu zadovoljni. <b>LAP ne podučava jedan univerzalni stil "
                        "liderstva.</b> On pomaže učesnicima da prepoznaju stil koji im je "
                        "najbliži, razumiju njegove snage i slijepe tačke i prilagode svoje "
                        "ponašanje ljudima i situaciji pred sobom.</p><p>Jedan od često "
                        "korištenih modela je situacijsko liderstvo, koje su razvili Paul "
                        "Hersey i Ken Blanchard. On kombinuje dvije vrste ponašanja: "
                        "usmjeravajuće (reći ljudima šta da rade, kako i do kada) i "
                        "podržavajuće (slušati, ohrabrivati i uključivati ljude u odluke). Prava "
                        "mjera zavisi od kompetencije i posvećenosti osobe ili tima za određeni "
                        "zadatak.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Četiri stila", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Usmjeravanje</b>: mnogo usmjeravanja, malo podrške. "
                        "Korisno za novog uposlenika ili novi zadatak s jasnim pravilima, "
                        "naprimjer u prvoj sedmici obrade zahtjeva.</li><li><b>Podučavanje</b>: "
                        "mnogo usmjeravanja, mnogo podrške. Korisno kada ljudi još uče, a "
                        "motivacija im je opala, naprimjer kada uposlenici uvode novi sistem "
                        "elektronskog upravljanja dokumentima.</li><li><b>Podržavanje</b>: malo "
                        "usmjeravanja, mnogo podrške. Korisno kada ljudi znaju obaviti posao, "
                        "ali im nedostaje samopouzdanja ili odluku trebaju prihvatiti kao "
                        "svoju.</li><li><b>Delegiranje</b>: malo usmjeravanja, malo podrške. "
                        "Korisno za iskusne i motivisane uposlenike, naprimjer za šefa službe "
                        "koji priprema godišnji izvještaj o usluzi koju dobro "
                        "poznaje.</li></ul><p>Neke verzije modela ove stilove nazivaju "
                        "nalaganje, uvjeravanje, učestvovanje i delegiranje. Ideja je ista: "
                        "stil slijedi potrebu.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Primjena u općini", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Istoj osobi za različite zadatke mogu trebati različiti stilovi. "
                        "Iskusnom službeniku za finansije za redovni budžet može biti dovoljno "
                        "delegiranje, ali mu treba podučavanje kada općina prvi put uvodi "
                        "programsko budžetiranje. Novoizabranom vijećniku mogu trebati jasne "
                        "smjernice o poslovniku, ali i puna podrška i povjerenje kada zastupa "
                        "stavove svoje mjesne zajednice.</p><p>Situacijsko liderstvo "
                        "primjenjuje se i na grupe. Radna grupa koja priprema lokalnu "
                        "strategiju za mlade može početi uz mnogo usmjeravanja od "
                        "predsjedavajućeg, a kako članovi stiču samopouzdanje, prelaziti na "
                        "stil u kojem predsjedavajući uglavnom pruža podršku i prati napredak. "
                        "Vještina je u tome da se primijeti kada se situacija promijenila i da "
                        "se ponašanje prilagodi, umjesto da se ostane pri udobnoj "
                        "navici.</p><p>Ovo je direktno povezano s principom 8, <b>Liderstvo, "
                        "sposobnost i kapacitet</b>: lideri koji prilagođavaju svoj stil grade "
                        "sposobnosti drugih, umjesto da sva znanja i odluke zadrže na "
                        "vrhu.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "tip",
                        "title": "Prvo procjena, zatim vođenje",
                        "body": (
                            "<p>Prije nego što dodijelite zadatak, postavite dva pitanja: zna "
                            "li ta osoba kako ga obaviti i želi li to? Odgovori upućuju na "
                            "stil koji će najviše pomoći.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Sjetite se dvoje kolega s kojima redovno radite. Koji stil obično "
                            "koristite sa svakim od njih, a koji bi im stil zaista trebao za "
                            "njihov trenutno najvažniji zadatak?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Vrijednosti i javna etika",
            "slug": "values-and-public-ethics",
            "minutes": 20,
            "principles": [4, 5],
            "tags": ["etika", "integritet", "sukob interesa", "odgovornost"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Zašto su vrijednosti na prvom mjestu", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Liderstvo na javnoj funkciji počiva na povjerenju, a povjerenje na "
                        "vrijednostima. Građani prihvataju i odluke koje im se ne sviđaju kada "
                        "vjeruju da je postupak bio pošten i da su oni koji odlučuju djelovali "
                        "u javnom interesu. Kada posumnjaju da poslovi, ugovori ili dozvole "
                        "zavise od veza, čak i dobre odluke gube legitimnost.</p><p>Princip 4, "
                        "<b>Javna etika</b>, traži da se javno dobro stavi ispred pojedinačnih "
                        "interesa, da postoje djelotvorne mjere za sprečavanje i suzbijanje "
                        "korupcije i da se sukobi interesa prijave na vrijeme, pri čemu osobe o "
                        "kojima je riječ ne učestvuju u odlučivanju o tim pitanjima. Princip 5, "
                        "<b>Odgovornost</b>, traži da izabrani predstavnici i službenici "
                        "preuzmu odgovornost za svoje odluke te da se o odlukama izvještava, da "
                        "se one obrazlažu i da mogu biti sankcionisane.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Etika u svakodnevnim situacijama u općini",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Etičke dileme u općini rijetko su dramatične. Češće izgledaju "
                        "ovako:</p><ul><li>Vijećnikov šurjak prijavljuje se za grant s "
                        "budžetske stavke za sportske klubove, a vijećnik sjedi u komisiji koja "
                        'predlaže dodjelu sredstava.</li><li>Službeniku se nudi "mala '
                        'zahvalnost" nakon što je građaninu pomogao da popuni složen '
                        "zahtjev.</li><li>Politička stranka traži od šefa službe da pred "
                        "lokalne izbore zaposli njenog pristalicu.</li><li>Od organizacije "
                        "civilnog društva koja dobija sredstva iz općinskog budžeta traži se da "
                        "prešuti problem u radu općine.</li></ul><p>U svakom od ovih slučajeva "
                        "ispravan postupak je, barem na papiru, obično jasan: prijaviti interes "
                        "i izuzeti se iz odlučivanja, pristojno odbiti poklon, uputiti na "
                        "pravila o zapošljavanju, zaštititi nezavisnost OCD-a. Stvar otežavaju "
                        "društveni pritisak, lojalnost i strah od posljedica. Lideri drugima "
                        "olakšavaju etično ponašanje ličnim primjerom i jasnim procedurama, kao "
                        "što su registar interesa, pravila o poklonima i siguran kanal za "
                        "prijavu nepravilnosti.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Odgovornost kao navika", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Odgovornost je više od odgovaranja na pitanja kada nešto krene po "
                        "zlu. Odgovorna općina unaprijed obrazlaže svoje odluke, izvještava o "
                        "rezultatima, objavljuje šta je potrošila i šta je postigla i otvoreno "
                        "ispravlja greške. Godišnji izvještaj načelnika vijeću, sjednice vijeća "
                        "otvorene za javnost i odgovori na vijećnička pitanja redovni su "
                        "trenuci polaganja računa. Lideri koji ih doživljavaju kao priliku da "
                        "objasne, a ne kao ritual koji treba preživjeti, vremenom grade "
                        "povjerenje.</p>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "text": "Javno dobro stavlja se ispred pojedinačnih interesa.",
                        "attribution": "Princip 4, Javna etika (parafrazirano)",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "warning",
                        "title": "Važan je i utisak",
                        "body": (
                            "<p>Čak i kada nijedno pravilo nije prekršeno, odluka može narušiti "
                            "povjerenje ako izgleda kao sukob interesa. Kada ste u nedoumici, "
                            "prijavite interes i izuzmite se.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Koja od četiri navedene dileme će se najvjerovatnije pojaviti u "
                            "vašoj ulozi? Koje pravilo, procedura ili lična navika bi vam tada "
                            "pomogli da postupite ispravno?"
                        ),
                    },
                },
            ],
        },
    ],
}

UNDERSTANDING_LEADERSHIP_QUIZ = {
    "title": "Kviz: Razumijevanje liderstva",
    "slug": "quiz-understanding-leadership",
    "intro": "<p>Dva pitanja o programu i o stilovima liderstva.</p>",
    "settings": {"pass_mark": 70, "max_attempts": 0, "wait_minutes": 1},
    "questions": [
        (
            "Koje su tri faze Programa Akademije za lidere?",
            3,
            [8],
            multiple(
                ("Liderstvo za organizacije", True, ""),
                ("Liderstvo za strategiju", True, ""),
                ("Liderstvo za izgradnju kapaciteta", True, ""),
                ("Liderstvo za izbore", False, "LAP se ne bavi izbornim kampanjama."),
                ("Liderstvo za javne nabavke", False, ""),
            ),
            "LAP se odvija u tri faze: organizacije, strategija i izgradnja kapaciteta.",
        ),
        (
            "LAP podučava jedan univerzalni stil liderstva koji odgovara svakoj situaciji.",
            1,
            [8],
            true_false(
                False,
                feedback_true="Ne: situacijsko liderstvo znači da nijedan stil ne odgovara svima.",
                feedback_false="Tačno: dobri lideri prilagođavaju svoj stil situaciji.",
            ),
            "Situacijsko liderstvo: pravi stil zavisi od ljudi i od zadatka.",
        ),
    ],
}

LEADERSHIP_BENCHMARK_AND_ELOGE = {
    "title": "Mjerilo liderstva i ELoGE",
    "slug": "leadership-benchmark-and-eloge",
    "intro": (
        "Kako funkcioniše Evropska oznaka izvrsnosti u upravljanju, kako općina iskreno "
        "procjenjuje vlastito upravljanje i kako rezultate pretočiti u plan poboljšanja koji ima "
        "osigurana sredstva i koji se prati."
    ),
    "lessons": [
        {
            "title": "ELoGE: faze i alati",
            "slug": "eloge-phases-and-tools",
            "minutes": 20,
            "principles": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            "tags": ["ELoGE", "mjerilo", "ankete"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Šta je ELoGE", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p><b>Evropska oznaka izvrsnosti u upravljanju (ELoGE)</b> je oznaka "
                        "Vijeća Evrope za lokalne vlasti koje pokazuju visok ukupni nivo dobrog "
                        "upravljanja mjeren prema 12 principa. To nije nagrada za najbogatiju "
                        "ni za najveću općinu. Njome se odaje priznanje općinama koje iskreno "
                        "sagledavaju vlastito upravljanje, slušaju građane i izabrane "
                        "predstavnike i obavezuju se na poboljšanja.</p><p>Općina stiče oznaku "
                        "preko <b>akreditovane nacionalne platforme</b>, organizacije koju je "
                        "Vijeće Evrope akreditovalo da provodi postupak u njenoj zemlji. U "
                        "Bosni i Hercegovini platformu vodi Agencija lokalne demokratije Mostar "
                        "zajedno s partnerima. U decembru 2023. godine oznaku su dobile tri "
                        "jedinice lokalne samouprave u Bosni i Hercegovini: <b>Jablanica, "
                        "Prijedor i Žepče</b>.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Faze", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ol><li><b>Odluka o učešću.</b> Općina odlučuje da se prijavi i "
                        "imenuje koordinatora i mali radni tim. Podrška i načelnika i vijeća "
                        "znatno olakšava kasnije faze.</li><li><b>Samoprocjena.</b> Općinski "
                        "službenici procjenjuju praksu općine prema 12 principa koristeći "
                        "mjerilo, uz dokaze za svaki "
                        "odgovor.</li><li><b>Anketa građana.</b> Stanovnici odgovaraju na "
                        "pitanje kako doživljavaju upravljanje općinom u pogledu istih "
                        "principa.</li><li><b>Anketa izabranih predstavnika.</b> Vijećnici "
                        "odgovaraju na paralelnu "
                        "anketu.</li><li><b>Evaluacija.</b> Nacionalna platforma pregleda "
                        "rezultate, a stručna komisija ih razmatra prije dodjele "
                        "oznake.</li><li><b>Praćenje.</b> Bez obzira na ishod, nalazi najviše "
                        "koriste kada ih općina pretoči u plan poboljšanja.</li></ol>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Tri perspektive, jedna slika", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Snaga ELoGE-a je u tome što kombinuje tri perspektive na iste "
                        "principe: <b>samoprocjenu službenika</b>, mišljenje <b>izabranih "
                        "predstavnika</b> i mišljenje <b>građana</b>. Svaka od njih vidi nešto "
                        "što drugima promiče. Službenici poznaju procedure; vijećnici vide kako "
                        "se odluke pripremaju i kako se o njima izvještava; građani rezultate "
                        "doživljavaju na šalteru i u svom naselju.</p><p>Najkorisniji nalazi "
                        "često proizlaze iz razlika među njima. Ako službenici visoko ocjenjuju "
                        "otvorenost, a građani ne, općina možda objavljuje informacije koje "
                        "građani ne mogu pronaći ili razumjeti. Ako se vijećnici osjećaju slabo "
                        "informisanim o budžetu, odgovornost trpi čak i kada su brojke "
                        "tačne.</p><p>ELoGE i LAP se međusobno podržavaju. Procjena pokazuje "
                        "gdje je općina slaba, a LAP pomaže njenim liderima da izgrade vještine "
                        "potrebne za poboljšanje. U grupama u Bosni i Hercegovini moduli obuke "
                        "birani su na osnovu samoprocjene upravljanja svake općine.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "info",
                        "title": "O bodovima i pragovima",
                        "body": (
                            "<p>Skale bodovanja, pragovi i period važenja oznake određeni su "
                            "važećim pravilima ELoGE-a i mijenjali su se s vremenom. Aktuelna "
                            "pravila provjerite kod nacionalne platforme umjesto da se "
                            "oslanjate na starije materijale.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Kada bi vaša općina sutra učestvovala u ELoGE-u, kod kojeg "
                            "principa biste očekivali najveći jaz između mišljenja službenika i "
                            "mišljenja građana? Zašto?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Samoprocjena općine",
            "slug": "municipal-self-assessment",
            "minutes": 25,
            "principles": [6, 3],
            "tags": ["samoprocjena", "transparentnost", "vladavina prava", "dokazi"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Pogled u ogledalo", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Samoprocjena je dio ELoGE-a, a šire i Mjerila liderstva, u kojem "
                        "općina ocjenjuje vlastito upravljanje. Korisna je samo ako je iskrena. "
                        "Samoprocjena koja svuda daje najviše ocjene ne govori rukovodstvu "
                        "ništa, a anketa građana će joj vjerovatno protivrječiti.</p><p>Dobru "
                        "samoprocjenu provodi mali mješoviti tim: naprimjer šef službe za opću "
                        "upravu, neko iz finansija, neko iz službe koja najviše radi s "
                        "građanima i osoba zadužena za odnose s javnošću. Tim prolazi kroz "
                        "izjave o ishodima za svaki princip, usaglašava ocjenu i zapisuje "
                        "dokaze: odluku, objavljeni dokument, registar, statistiku.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Primjer: Otvorenost i transparentnost", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Princip 6, <b>Otvorenost i transparentnost</b>, obuhvata otvorenost "
                        "odlučivanja: odluke se donose i provode u skladu s pravilima, javnost "
                        "ima pristup informacijama osim ako postoje jasno određeni zakonski "
                        "razlozi za ograničenje, a informacije o odlukama, politikama i "
                        "njihovim rezultatima objavljuju se tako da građani mogu pratiti rad "
                        "općine. Tim bi mogao pitati:</p><ul><li>Objavljuju li se dnevni red i "
                        "materijali za sjednicu vijeća na web-stranici prije svake sjednice, a "
                        "zapisnici i usvojene odluke nakon nje?</li><li>Je li nacrt budžeta "
                        "objavljen u obliku koji građani mogu razumjeti, s kratkim sažetkom ili "
                        "vodičem za građane?</li><li>Odgovara li općina na zahtjeve po zakonu o "
                        "slobodi pristupa informacijama u zakonskom roku i vodi li evidenciju o "
                        "zahtjevima?</li><li>Mogu li se lako pronaći planovi javnih nabavki i "
                        "odluke o dodjeli ugovora?</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Primjer: Vladavina prava", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Princip 3, <b>Vladavina prava</b>, traži da općina poštuje zakon i "
                        "sudske odluke te da se propisi donose propisanim postupkom i "
                        "primjenjuju nepristrasno. Pitanja bi mogla biti: jesu li interni akti "
                        "i opisi radnih mjesta usklađeni s važećim propisima? Izdaju li se "
                        "rješenja o pravima građana s obrazloženjem i poukom o pravnom lijeku? "
                        "Izvršavaju li se sudske presude donesene protiv općine? Provjerava li "
                        "vijeće zakonitost nacrta odluka prije nego što ih usvoji?</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Dokazi, a ne mišljenja", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Za svaku izjavu tim bi trebao moći pokazati dokaz. "
                        '"Objavljujemo materijale za vijeće" je mišljenje; "materijali za '
                        "posljednjih deset sjednica bili su na web-stranici nekoliko dana "
                        'prije svake sjednice" je dokaz. Ako dokaza nema, i to je nalaz. '
                        "Samoprocjena bi trebala završiti kratkom listom snaga i slabosti za "
                        "svaki princip, koja postaje polazište za plan poboljšanja o kojem "
                        "govori sljedeća lekcija.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "tip",
                        "title": "Pozovite kritičkog prijatelja",
                        "body": (
                            "<p>Zamolite lokalnu OCD ili kolegu iz susjedne općine da pročita "
                            "nacrt vaše samoprocjene. Čitalac izvana brzo uoči odgovore koji su "
                            "previše velikodušni ili nisu potkrijepljeni dokazima.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Odaberite jednu izjavu o otvorenosti ili o vladavini prava. Koje "
                            "dokaze bi vaša općina danas mogla pokazati, a koji dokazi "
                            "nedostaju?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Od rezultata do plana poboljšanja",
            "slug": "from-results-to-improvement-plan",
            "minutes": 20,
            "principles": [12, 10],
            "tags": ["plan poboljšanja", "javne finansije", "inovacije"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Rezultati su polazna tačka", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Samoprocjena, anketa građana i anketa izabranih predstavnika daju "
                        "mnogo informacija. Postoji rizik da se izvještaj jednom predstavi "
                        "vijeću, a zatim zaboravi. Dobri lideri rezultate vide kao početak "
                        "razgovora: šta želimo promijeniti, kojim redom i kako ćemo znati da je "
                        "uspjelo?</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Odabir prioriteta", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Ne mogu se sve slabosti otkloniti odjednom. Praktičan način da se "
                        "odaberu prioriteti jeste istovremeno sagledati tri stvari: koliki je "
                        "jaz, koliko je važan građanima i koliko je realno poboljšanje u "
                        "okviru nadležnosti i budžeta općine. Slabost koja je velika, važna i "
                        "dostižna treba doći prva. Brzo i vidljivo poboljšanje u prvim "
                        "mjesecima također daje samopouzdanje za kasnije, teže "
                        "promjene.</p><p>Plan poboljšanja ne mora biti dug. Za svaki prioritet "
                        "treba navesti cilj, konkretne aktivnosti, odgovornu osobu, rok, "
                        "troškove i izvor finansiranja te pokazatelj uspjeha. O planu bi "
                        "trebalo raspravljati vijeće, a o napretku bi trebalo redovno "
                        "izvještavati.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Zdrave finansije i otvorenost za promjene",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Princip 10, <b>Dobro finansijsko i ekonomsko upravljanje</b>, "
                        "često odlučuje o tome hoće li plan uspjeti ili propasti. On traži "
                        "razborito upravljanje javnim novcem: realne budžete, pažnju prema "
                        "dugoročnim finansijskim posljedicama, valjanu procjenu rizika i "
                        "naknade za usluge koje ne premašuju njihove troškove. Plan poboljšanja "
                        "koji se ne odražava u budžetu ostaje lista želja. Ako plan uključuje "
                        "novu elektronsku uslugu, budžet mora pokriti ne samo softver nego i "
                        "obuku i održavanje u narednim godinama.</p><p>Princip 12, "
                        "<b>Otvorenost za promjene i inovacije</b>, podstiče općine da traže "
                        "nova rješenja, uče iz iskustava drugih i stvaraju klimu u kojoj su "
                        "promjene moguće. Inovacija u općini često je skromna: online obrazac "
                        "koji građaninu uštedi odlazak na šalter, usluga koju općina dijeli sa "
                        "susjednom općinom, nov način konsultovanja mladih preko škola. Važna "
                        "je spremnost da se pokuša, da se izmjere rezultati i da se odustane od "
                        "onoga što ne funkcioniše.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Primjer", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Zamislite općinu čija anketa građana pokazuje nisko zadovoljstvo "
                        "informacijama o lokalnim investicijama, dok su službenici sebe "
                        "ocijenili visoko. Plan poboljšanja mogao bi uključiti jednostavnu "
                        "online mapu tekućih investicija s budžetima i rokovima, koju služba "
                        "za razvoj pripremi u roku od tri mjeseca; kratak tromjesečni pregled "
                        "napretka za svaku mjesnu zajednicu; i pitanje u sljedećoj anketi "
                        "građana kojim će se izmjeriti promjena. Troškovi su niski, a "
                        "aktivnost direktno odgovara na ono što su građani rekli.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "info",
                        "title": "Povežite plan s postojećim dokumentima",
                        "body": (
                            "<p>Gdje god je moguće, ugradite aktivnosti poboljšanja u "
                            "strategiju razvoja općine, godišnji program rada i budžet, umjesto "
                            "da pravite poseban dokument za koji niko nije zadužen.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Odaberite jednu slabost za koju vaša općina već zna. Napišite "
                            "nacrt jednog reda plana poboljšanja: cilj, aktivnost, odgovorna "
                            "osoba, rok, troškovi i pokazatelj."
                        ),
                    },
                },
            ],
        },
    ],
}

LEADERSHIP_BENCHMARK_AND_ELOGE_QUIZ = {
    "title": "Kviz: Mjerilo liderstva i ELoGE",
    "slug": "quiz-leadership-benchmark-and-eloge",
    "intro": "<p>Dva pitanja o Evropskoj oznaci izvrsnosti u upravljanju.</p>",
    "settings": {"pass_mark": 60, "max_attempts": 0, "review_policy": "after_passing"},
    "questions": [
        (
            "Koje tri perspektive kombinuje ELoGE procjena?",
            3,
            [1, 5, 6],
            multiple(
                ("Samoprocjenu općine koju provode njeni službenici", True, ""),
                ("Anketu izabranih predstavnika", True, ""),
                ("Anketu građana", True, ""),
                ("Reviziju koju provodi državna vlast", False, "To nije dio ELoGE-a."),
            ),
            "ELoGE kombinuje samoprocjenu, izabrane predstavnike i građane.",
        ),
        (
            "Navedite jednu općinu ili grad u Bosni i Hercegovini koji je u decembru 2023. "
            "dobio oznaku ELoGE.",
            1,
            [12],
            short("Žepče", "Jablanica", "Prijedor"),
            "Jablanica, Prijedor i Žepče dobili su oznaku u decembru 2023. godine.",
        ),
    ],
}

WORKING_WITH_CITIZENS_AND_CSOS = {
    "title": "Rad s građanima i OCD-ima",
    "slug": "working-with-citizens-and-csos",
    "intro": (
        "Praktični načini da se građani i organizacije civilnog društva informišu, konsultuju i "
        "uključe, da se vode sastanci na kojima se svaki glas računa i da se prigovori pretoče "
        "u poboljšanja."
    ),
    "lessons": [
        {
            "title": "Informisati, konsultovati, uključiti",
            "slug": "inform-consult-involve",
            "minutes": 20,
            "principles": [1, 6, 9],
            "tags": ["učešće", "konsultacije", "budžet", "civilno društvo"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Nivoi učešća", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Građani mogu učestvovati u odlukama općine na različitim nivoima, a "
                        "svaki nivo stvara drugačija očekivanja. Jednostavno ih je zamisliti "
                        "kao ljestvicu:</p><ul><li><b>Informisanje</b>: općina građanima daje "
                        "uravnotežene, pravovremene i razumljive informacije o nekom planu ili "
                        "odluci. Komunikacija ide u jednom smjeru.</li><li><b>Konsultovanje</b>: "
                        "općina traži mišljenje građana o nacrtu i razmatra ga prije nego što "
                        "odluči. Nakon toga objašnjava šta je uzeto u obzir i "
                        "zašto.</li><li><b>Uključivanje</b>: građani i OCD rade s općinom "
                        "tokom cijelog procesa, tako da njihove brige oblikuju opcije koje se "
                        "razmatraju.</li></ul><p>Drugi modeli dodaju i druge nivoe, poput "
                        "partnerstva ili delegiranog odlučivanja. Kodeks dobre prakse Vijeća "
                        "Evrope za učešće civilnog društva u procesu donošenja odluka, "
                        "naprimjer, govori o informisanju, konsultacijama, dijalogu i "
                        "partnerstvu. Koji god model koristili, jasno recite građanima koji im "
                        "nivo nudite.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Klasičan primjer: nacrt budžeta", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Javne konsultacije o nacrtu budžeta jedan su od najpoznatijih "
                        "oblika učešća u općinama u Bosni i Hercegovini. Općina objavljuje "
                        "nacrt budžeta, najbolje s kratkim vodičem za građane koji objašnjava "
                        "odakle novac dolazi i kuda ide, te poziva na komentare u utvrđenom "
                        "roku. Javne rasprave održavaju se u općinskoj sali i, gdje je moguće, "
                        "u mjesnim zajednicama. Nakon konsultacija općina objavljuje izvještaj "
                        "u kojem navodi primljene komentare i objašnjava koji su prihvaćeni i "
                        "zašto ostali nisu.</p><p>Ovaj jedan primjer dotiče tri principa. To je "
                        "<b>Demokratsko učešće</b> (princip 1), jer građani mogu uticati na "
                        "ključnu odluku. Zavisi od <b>Otvorenosti i transparentnosti</b> "
                        "(princip 6), jer ljudi mogu komentarisati samo ono što mogu vidjeti i "
                        "razumjeti. I provjerava <b>Responzivnost</b> (princip 9), jer građani "
                        "proces ocjenjuju po tome jesu li na svoj doprinos dobili odgovor.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Česte zamke", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li>Konsultovanje prekasno, kada je odluka praktično već "
                        "donesena.</li><li>Objavljivanje dokumenata koje mogu čitati samo "
                        "stručnjaci.</li><li>Održavanje rasprava u terminima kada zaposleni "
                        "ljudi ne mogu doći.</li><li>Prikupljanje komentara bez ikakve "
                        "povratne informacije.</li><li>Slušanje uvijek istih nekoliko glasova, "
                        "dok mladi, žene, starije osobe u udaljenim selima ili manjine ostaju "
                        "po strani.</li></ul><p>Saradnja s OCD-ima može pomoći da se dopre do "
                        "grupa do kojih općina sama ne dopire. Omladinska organizacija može s "
                        "učenicima srednjih škola održati radionicu o budžetskim stavkama "
                        "namijenjenim mladima; udruženje osoba s invaliditetom može provjeriti "
                        "pristupačnost planiranih investicija.</p>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "text": (
                            "Na raspravu o budžetu došlo je više ljudi kada su vidjeli da su "
                            "prošlogodišnji komentari zaista promijenili budžet."
                        ),
                        "attribution": "Učesnik LAP-a, 2024.",
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Za jednu odluku koju će vaša općina donijeti u narednoj godini: "
                            "koji je nivo učešća realan, informisanje, konsultovanje ili "
                            "uključivanje? Šta biste trebali uraditi da to uspije?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Grupna komunikacija",
            "slug": "group-communication",
            "minutes": 15,
            "principles": [6],
            "tags": ["komunikacija", "sastanci", "timovi"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Komunikacija je dio upravljanja", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p><b>Otvorenost i transparentnost</b> (princip 6) ne svodi se na "
                        "objavljivanje dokumenata. Zavisi i od toga kako ljudi komuniciraju na "
                        "sastancima: na sjednicama vijeća i komisija, na timskim sastancima u "
                        "upravi, u radnim grupama s OCD-ima. Odluke pripremljene na sastancima "
                        "na kojima se informacije prešućuju, na kojima se ljudi ne usuđuju "
                        "govoriti ili na kojima dominira nekoliko glasova rijetko su otvorene, "
                        "ma koliko dokumenata se poslije objavilo.</p><p>Prva faza LAP-a "
                        "posebnu pažnju posvećuje vještinama grupne komunikacije, jer lokalni "
                        "lideri velik dio vremena provode u grupama i jer grupe donose bolje "
                        "odluke od pojedinaca samo kada komunikacija funkcioniše.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Kako izgleda dobra grupna komunikacija",
                        "level": "h2",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Jasna svrha.</b> Svi znaju zašto se sastanak održava i šta "
                        "na njemu treba odlučiti ili "
                        "pripremiti.</li><li><b>Zajedničke informacije.</b> Materijali se šalju "
                        "unaprijed, u obliku koji mogu pratiti i oni koji nisu "
                        "stručnjaci.</li><li><b>Aktivno slušanje.</b> Prije nego što odgovore, "
                        "ljudi sažmu ono što su drugi rekli i postavljaju pitanja da bi "
                        "razumjeli, a ne samo da bi pobijedili u "
                        "raspravi.</li><li><b>Uravnoteženo učešće.</b> Predsjedavajući poziva "
                        "tiše članove da govore i pristojno ograničava one koji govore "
                        "najviše.</li><li><b>Jasni zaključci.</b> Sastanak se završava "
                        "zapisom o tome šta je odlučeno, ko šta radi i do kada.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Praktične tehnike", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Pomaže nekoliko jednostavnih tehnika. <b>Krug</b>, u kojem svaka "
                        "osoba redom kratko govori, osigurava da se na početku rasprave čuje "
                        "svaki glas. <b>Odvajanje ideja od ocjenjivanja</b>, tako da se "
                        "najprije prikupe svi prijedlozi i tek onda o njima raspravlja, "
                        "sprečava da se dobre ideje prerano odbace. <b>Parkiranje</b> pitanja "
                        "koja su važna, ali nisu na temi, drži sastanak usredsređenim, a da se "
                        "nikoga ne zanemari. Povratna informacija koja opisuje ponašanje i "
                        "njegov učinak, umjesto da osuđuje osobu, održava neslaganje "
                        "konstruktivnim.</p><p>U općinskom vijeću, gdje članovi dolaze iz "
                        "različitih stranaka, otvorena komunikacija je teža i još važnija. "
                        "Predsjednici komisija mogu se pobrinuti da svi članovi dobiju iste "
                        "informacije u isto vrijeme, da se na pitanja opozicije odgovara "
                        "suštinski i da građani koji prisustvuju sjednici mogu pratiti "
                        "raspravu. Radna grupa s OCD-ima za lokalni akcioni plan radi bolje "
                        "kada općina od početka iskreno iznese svoja ograničenja, uključujući "
                        "raspoloživi budžet, umjesto da ih učesnici otkriju na kraju.</p>"
                    ),
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "tip",
                        "title": "Sažetak od dvije minute",
                        "body": (
                            "<p>Na kraju svakog sastanka zamolite jednog učesnika da u dvije "
                            "minute sažme donesene odluke. Ako sažetak ikoga iznenadi, sastanak "
                            "još nije gotov.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Sjetite se posljednjeg sastanka kojim ste predsjedavali ili na "
                            "kojem ste bili. Ko je najviše govorio, ko nije uopće govorio i "
                            "koje bi informacije pomogle grupi da bolje odluči?"
                        ),
                    },
                },
            ],
        },
        {
            "title": "Prigovori i odgovornost",
            "slug": "complaints-and-accountability",
            "minutes": 20,
            "principles": [5, 9],
            "tags": ["prigovori", "odgovornost", "javne usluge"],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Prigovori su informacija", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Svaki prigovor govori općini nešto o tome kako njene usluge "
                        "funkcionišu u praksi. Općina koja prigovore vidi samo kao smetnju "
                        "ponavljat će iste greške. Općina koja ih evidentira, odgovara na njih "
                        "i analizira ih dobija besplatan i stalan izvor povratnih informacija. "
                        "Zato rješavanje prigovora provjerava i <b>Odgovornost</b> (princip 5) "
                        "i <b>Responzivnost</b> (princip 9).</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Služba za prigovore koja funkcioniše", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Mnoge općine imaju kutiju za prigovore i prijedloge, e-mail adresu "
                        "ili online obrazac, a građani se mogu obratiti i instituciji "
                        "ombudsmena. Sistem za prigovore ne čini djelotvornim kanal, nego "
                        "postupak iza njega:</p><ol><li><b>Lak pristup.</b> Građani se mogu "
                        "žaliti lično, telefonom, pismeno ili online i znaju kome da se "
                        "obrate.</li><li><b>Evidentiranje.</b> Svaki prigovor se evidentira i "
                        "dobija broj predmeta.</li><li><b>Potvrda prijema.</b> Građanin dobija "
                        "obavijest da je prigovor zaprimljen i kada može očekivati "
                        "odgovor.</li><li><b>Rješavanje.</b> Prigovor ide nadležnoj službi, s "
                        "jasnim rokom i imenovanom odgovornom osobom.</li><li><b>Odgovor.</b> "
                        "Građanin dobija obrazložen odgovor: šta je urađeno i, ako prigovor "
                        "nije prihvaćen, zašto nije i koji su mu drugi pravni putevi na "
                        "raspolaganju.</li><li><b>Učenje.</b> Prigovori se redovno analiziraju, "
                        "a rezultati se predstavljaju načelniku, vijeću i javnosti.</li></ol>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Od prigovora do poboljšanja", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Zamislite da općina svakog proljeća dobija mnogo prigovora na "
                        "udarne rupe u jednoj mjesnoj zajednici. Odgovoriti na svaki prigovor "
                        "pojedinačno jeste responzivno, ali nije dovoljno. Odgovorna općina "
                        "sagleda obrazac, otkrije da se popravke tamo zakazuju tek nakon što se "
                        "završe svi glavni putevi, promijeni raspored i o promjeni obavijesti "
                        "savjet mjesne zajednice. Sljedeće godine prigovora je manje, a općina "
                        "može pokazati zašto.</p><p>Odgovornost znači i priznati grešku kada je "
                        "općina pogriješila. Kratko izvinjenje, ispravka i objašnjenje šta će "
                        "se promijeniti čine više za povjerenje nego odbrambeni odgovor pun "
                        "citiranih propisa.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Uloga vijećnika i OCD-a", "level": "h2"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Vijećnici u ime građana pozivaju izvršnu vlast na odgovornost. "
                        "Mogu zatražiti godišnji izvještaj o prigovorima, uporediti ga s "
                        "prethodnom godinom i pitati šta se promijenilo; ako se isti problem "
                        "pojavljuje u mnogo prigovora, mogu zatražiti od uprave da o njemu "
                        "izvijesti na javnoj sjednici. OCD mogu pomoći građanima da svoje "
                        "prigovore uobliče, pratiti stižu li odgovori i skretati pažnju općine "
                        "na probleme koji se ponavljaju. Obje uloge najbolje funkcionišu kada "
                        "ih općina doživljava kao partnere u poboljšanju, a ne kao "
                        "protivnike.</p>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "text": (
                            "O odlukama se izvještava, one se obrazlažu i mogu biti sankcionisane."
                        ),
                        "attribution": "Princip 5, Odgovornost (parafrazirano)",
                    },
                },
                {
                    "type": "callout",
                    "value": {
                        "tone": "warning",
                        "title": "Nikada ne kažnjavajte one koji se žale",
                        "body": (
                            "<p>Građani i uposlenici moraju moći ukazati na probleme bez straha "
                            "od posljedica. Samo jedan slučaj odmazde može godinama ušutkati "
                            "prigovore.</p>"
                        ),
                    },
                },
                {
                    "type": "reflection",
                    "value": {
                        "prompt": (
                            "Šta se danas dešava s prigovorom predatim na šalteru vaše općine? "
                            "Pratite njegov put korak po korak i utvrdite gdje bi se mogao "
                            "izgubiti."
                        ),
                    },
                },
            ],
        },
    ],
}

WORKING_WITH_CITIZENS_AND_CSOS_QUIZ = {
    "title": "Kviz: Rad s građanima i OCD-ima",
    "slug": "quiz-working-with-citizens-and-csos",
    "intro": "<p>Tri pitanja, od kojih jedno čita trener.</p>",
    "settings": {"pass_mark": 60, "max_attempts": 0},
    "questions": [
        (
            "Šta je od navedenog primjer konsultovanja?",
            1,
            [1, 9],
            single(
                ("Objava nacrta budžeta uz poziv na komentare", True, "Da."),
                ("Objava usvojenog budžeta na web-stranici", False, "To je informisanje."),
                (
                    "Građani zajedno odlučuju o projektima u participativnom budžetu",
                    False,
                    "To je uključivanje građana u odlučivanje, više od konsultovanja.",
                ),
            ),
            "Konsultovanje znači tražiti mišljenje prije nego što se odluka donese.",
        ),
        (
            "Povežite svaki princip s njegovim brojem iz 2023. godine.",
            2,
            [6, 9, 5],
            matching(
                ("Otvorenost i transparentnost", "6"),
                ("Responzivnost", "9"),
                ("Odgovornost", "5"),
            ),
            "Principi 5, 6 i 9 prema numeraciji iz 2023. godine.",
        ),
        (
            "Opišite jedan prigovor koji je vaša općina primila i kako bi na njega mogla "
            "odgovoriti u razumnom roku.",
            4,
            [5, 9],
            open_answer(
                "Konkretan prigovor, imenovan korak i vremenski okvir donose pun broj bodova."
            ),
            "",
        ),
    ],
}

COURSE = {
    "title": "LAP faza 1 - Liderstvo za organizacije",
    "slug": "lap-stage-1",
    "summary": (
        "Prva faza Programa Akademije za lidere Vijeća Evrope, s online lekcijama koje se prate "
        "između radionica. Uvodi 12 principa dobrog demokratskog upravljanja, funkcije i stilove "
        "lokalnog liderstva, mjerilo ELoGE te praktične načine rada s građanima i civilnim "
        "društvom."
    ),
    "audience": (
        "Načelnici, općinski vijećnici, viši općinski službenici i predstavnici organizacija "
        "civilnog društva u Bosni i Hercegovini koji učestvuju u jednoj od grupa LAP-a."
    ),
    "estimated_hours": 12,
    "learning_outcomes": [
        (
            "Objasniti 12 principa dobrog demokratskog upravljanja i kako je Preporuka "
            "CM/Rec(2023)5 izmijenila listu iz 2008. godine."
        ),
        (
            "Prepoznati kako se principi primjenjuju u svakodnevnim općinskim uslugama, "
            "odlukama i sastancima."
        ),
        "Opisati glavne funkcije lokalnih lidera i prilagoditi stil liderstva situaciji.",
        "Prepoznati etičke rizike u radu općine i ojačati odgovornost.",
        "Opisati faze i alate ELoGE-a i pretočiti rezultate procjene u plan poboljšanja.",
        "Isplanirati kako informisati, konsultovati i uključiti građane i OCD u lokalnu odluku.",
    ],
    "principles": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    "tags": [
        "liderstvo",
        "dobro upravljanje",
        "lokalna samouprava",
        "12 principa",
        "ELoGE",
        "učešće",
    ],
    "modules": [
        GOOD_LOCAL_GOVERNANCE,
        UNDERSTANDING_LEADERSHIP,
        LEADERSHIP_BENCHMARK_AND_ELOGE,
        WORKING_WITH_CITIZENS_AND_CSOS,
    ],
}

QUIZZES = {
    "good-local-governance": GOOD_LOCAL_GOVERNANCE_QUIZ,
    "understanding-leadership": UNDERSTANDING_LEADERSHIP_QUIZ,
    "leadership-benchmark-and-eloge": LEADERSHIP_BENCHMARK_AND_ELOGE_QUIZ,
    "working-with-citizens-and-csos": WORKING_WITH_CITIZENS_AND_CSOS_QUIZ,
}
