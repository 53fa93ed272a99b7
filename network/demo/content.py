"""The demo network's text: its members, blog posts, comments and sidebar boxes.

Everything here is fiction written for Anjuman's demo: the college, the people, the newspapers
and the web addresses (all under example.com/.org/.net) are invented. The loaddemo command turns
this data into rows; this module only holds text, so it imports nothing from Django.

Posts are composed: each has its own title, opening and closing paragraphs, and between them
paragraphs chosen from its topic's library (PARAGRAPHS), so that sixty posts read as essays
without sixty essays' worth of text here. Library paragraphs stand on their own within a topic.
"""

# Prose is kept one paragraph to a line, as it is stored; wrapping it would put line breaks into
# what members see when they edit a post.
# ruff: noqa: E501

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    email: str
    about: str


@dataclass(frozen=True)
class Link:
    url: str
    title: str
    source: str
    excerpt: str


@dataclass(frozen=True)
class PostText:
    title: str
    author: str  # a Person's key
    topic: str  # a key of PARAGRAPHS (the library the middle of the body comes from)
    tags: tuple[str, ...]
    opening: str = ""
    closing: str = ""
    # A whole hand-written body, used as it is instead of opening + library paragraphs.
    body: str = ""
    links: tuple[Link, ...] = ()
    # Paragraphs of the topic's library this post always uses, in this order (indexes); the
    # command adds more from the library, least used first, until the post is long enough.
    picks: tuple[int, ...] = ()


@dataclass(frozen=True)
class Box:
    title: str
    body: str


SEED = 1962  # the year Sitara College opened its gates

# Every demo account's password; public by design, since loaddemo prints it.
PASSWORD = "demo-password-123"  # noqa: S105

NETWORK_NAME = "Sitara Circle"
NETWORK_TAGLINE = "Sitara College Alumni Around the World"
NETWORK_TIME_ZONE = "Asia/Karachi"
NETWORK_DESCRIPTION = (
    "Sitara Circle is where graduates of Sitara College keep talking after the bell. We studied "
    "under the same banyan tree and argued in the same canteen; now we live on six continents. "
    "Read our members' blogs, find your batchmates, and add your own story."
)

CREATOR = Person(
    key="javed",
    name="Javed Lakhani",
    email="creator@demo.anjuman.test",
    about="Class of 1991, engineering. Spent twenty years building pipelines in Houston and now writes a weekly column about technology, schools and the cities we grew up in. Started Sitara Circle so that our batch's emails would stop bouncing.",
)

MEMBERS = [
    Person(
        key="ayesha",
        name="Ayesha Rahman",
        email="ayesha@demo.anjuman.test",
        about="Software engineer in Toronto, class of 2006. I maintain two open source libraries, run a mentoring circle for women in tech, and still cannot make daal the way my mother does.",
    ),
    Person(
        key="omar",
        name="Omar Farooq Baig",
        email="omar@demo.anjuman.test",
        about="Civil engineer in Dubai, building bridges I will never be allowed to drive across fast enough. Class of 1999. Weekend cook, weekday optimist.",
    ),
    Person(
        key="mehreen",
        name="Dr. Mehreen Kazmi",
        email="mehreen@demo.anjuman.test",
        about="Paediatrician, now in Manchester after twelve years in Lahore. Class of 2001, pre-medical. Ask me about requalifying abroad; I have the paperwork scars.",
    ),
    Person(
        key="hassan",
        name="Hassan Javed",
        email="hassan@demo.anjuman.test",
        about="Climate finance in London; a civil engineer in a previous life. Class of 1996. Treasurer of the Sitara Scholarship Fund, which means I send the reminders.",
    ),
    Person(
        key="priya",
        name="Priya Raman",
        email="priya@demo.anjuman.test",
        about="Data scientist in Singapore. I came to Sitara College for one exchange semester in 2009 and never really left its group chats.",
    ),
    Person(
        key="daniel",
        name="Daniel Okafor",
        email="daniel@demo.anjuman.test",
        about="Hydrologist from Lagos, now working on flood early-warning systems in Nairobi. Spent two unforgettable years at Sitara College on a research exchange.",
    ),
    Person(
        key="fatima",
        name="Fatima Zahra Noorani",
        email="fatima@demo.anjuman.test",
        about="Teacher and school principal in Karachi, class of 2004. I believe every child can love mathematics if nobody tells them otherwise.",
    ),
    Person(
        key="samina",
        name="ثمینہ اختر",
        email="samina@demo.anjuman.test",
        about="حیدرآباد میں لائبریرین ہوں۔ ستارہ کالج، ۱۹۹۸ کی جماعت۔ اردو شاعری، پرانی کتابیں اور چائے — اسی ترتیب سے۔",
    ),
    Person(
        key="rashid",
        name="Rashid Memon",
        email="rashid@demo.anjuman.test",
        about="I run three small restaurants in Karachi and one very large opinion about biryani. Class of 1994, commerce.",
    ),
    Person(
        key="lena",
        name="Lena Hoffmann",
        email="lena@demo.anjuman.test",
        about="Physicist in Heidelberg. Taught optics at Sitara College as a visiting lecturer from 2011 to 2014, and learned more than I taught.",
    ),
    Person(
        key="kabir",
        name="Kabir Sethi",
        email="kabir@demo.anjuman.test",
        about="Founder of a logistics startup, splitting time between San Francisco and Karachi. Class of 2008. Happy to read your pitch deck if you keep it under ten slides.",
    ),
    Person(
        key="zainab",
        name="Zainab Hussain",
        email="zainab@demo.anjuman.test",
        about="Climate scientist in Melbourne, studying heat and glaciers. Class of 2010. I write here about what the data says and what it feels like.",
    ),
    Person(
        key="arjun",
        name="Arjun Mehta",
        email="arjun@demo.anjuman.test",
        about="Accountant in New Jersey and captain of a weekend cricket club that loses gracefully. Married into the Sitara family; an honorary alumnus by marriage and by appetite.",
    ),
    Person(
        key="tahir",
        name="Tahir Baloch",
        email="tahir@demo.anjuman.test",
        about="Geologist based in Quetta, class of 2002. I spend half the year on mountain roads and the other half telling people about them.",
    ),
    Person(
        key="noor",
        name="Noor Jahan Aslam",
        email="noor@demo.anjuman.test",
        about="Chair of the Sitara Scholarship Fund committee. Human resources in Chicago by day, class of 1993, and the person who found your lost classmate's email.",
    ),
    Person(
        key="marcus",
        name="Marcus Lindqvist",
        email="marcus@demo.anjuman.test",
        about="Security engineer in Stockholm. My wife Rabia is class of 2005; I joined for the reunions and stayed for the arguments about cricket, which I still do not understand.",
    ),
    Person(
        key="hina",
        name="Hina Siddiqa",
        email="hina@demo.anjuman.test",
        about="Civil servant in Islamabad, class of 2000. Urban planning, public transport and the eternal question of where to park.",
    ),
    Person(
        key="yusuf",
        name="Yusuf Chaudhry",
        email="yusuf@demo.anjuman.test",
        about="Class of 2022, now a graduate student in materials science in Istanbul. First in my family to go to college, thanks to a Sitara scholarship.",
    ),
    Person(
        key="shirin",
        name="Shirin Dastur",
        email="shirin@demo.anjuman.test",
        about="Architect in Karachi, class of 1991, restoring old buildings one stubborn staircase at a time.",
    ),
    Person(
        key="irfan",
        name="محمد عرفان",
        email="irfan@demo.anjuman.test",
        about="Cricket coach in Multan. Sitara College, class of 2003, and captain of the college XI that year. کرکٹ میرا پہلا عشق ہے، اور آخری بھی۔",
    ),
]

# The member whose address the command prints next to the creator's.
SAMPLE_MEMBER = "ayesha"

TAGS = [
    "Reunions", "Careers", "Scholarships", "Technology", "Startups", "Science", "Cricket",
    "City Life", "Food", "Travel", "Mentoring", "Climate", "Education", "Books", "Health",
]  # fmt: skip

# --- The paragraph library, by topic ---------------------------------------------------------

PARAGRAPHS: dict[str, list[str]] = {
    "reunions": [
        "Every reunion begins the same way: somebody arrives early, finds the hall locked, and phones three people who are all still at home. By the time the caretaker appears with his ring of keys, a small crowd has gathered under the banyan tree, trading guesses about who will turn up. Those twenty minutes in the car park are often the best part of the evening, because nobody has yet had time to rehearse the polished version of their life.",
        "What surprises me each time is how quickly the old hierarchies dissolve. The boy who topped every physics paper now asks the girl who sat at the back how she built her bakery into a chain of six shops. The class monitor who once wrote our names on the board for talking is the first to start the singing. **Twenty-five years is long enough to turn rivals into friends**, and short enough that we still recognise each other's laughs from across a room.",
        "> A college is not its buildings. It is the conversations that keep going after the bell.\n\nMiss Rukhsana said that to us at a reunion dinner years ago, when she was already well past eighty and still correcting our grammar. I have thought about that sentence more often than about anything she taught us in class, and I suspect she would consider that a fair trade.",
        "For anyone organising a batch reunion, here is what we learned the hard way:\n\n- **Book the venue before you announce the date.** Announcing first means arguing about the date for a month.\n- Keep tickets cheap, and let those who can afford it sponsor a younger classmate's seat quietly.\n- Give one patient person the job of chasing lost contacts, and give them a spreadsheet.\n- Keep the speeches short. Nobody travelled that far to hear a speech.",
        "Not everyone can travel home, so we now keep a laptop open on a side table with a video call running all evening. It started as an afterthought and has become a tradition. Friends in Vancouver wake at dawn to say hello; friends in Sydney stay up past midnight. The picture freezes, the sound drops, somebody shouts the same joke into the microphone three times, and it is still worth every minute.",
        "We always pause for the classmates who are no longer with us. The list grows a little longer each time, and reading it aloud is never easy. But I have noticed that the silence afterwards is not a sad one. People turn to each other and start telling stories: the prank in the chemistry lab, the borrowed motorbike, the poem read out at the annual function. Remembering, it turns out, is something we do better together.",
        "The children are the unexpected guests. They arrive bored, clutching phones, certain that their parents' old college could not possibly be interesting. Within an hour they have found the ruined squash court, the staircase that leads nowhere, and the teacher who remembers exactly how badly their father behaved in 1989. By the end of the night they are the ones asking when the next reunion will be.",
        "The campus has changed, of course. There is a new library wing with glass walls, the canteen has moved twice, and the cycle stand has become a car park. Yet the main staircase still creaks on the seventh step, the ceiling fans in the old block still wobble, and somebody has kept the notice board exactly where it was. Places hold on to their small habits longer than people do.",
        "The real reunion happens afterwards, in the group chat. For a week, photographs pour in: blurred, badly lit, and treasured. Somebody finds a scan of the 1990 class photograph and the whole group spends a happy evening matching faces to names. Then the messages slow down, as they always do, until somebody asks the question that starts the cycle again: when is the next one?",
        "Reunions are also quietly useful. Over the years our gatherings have produced two marriages, several business partnerships, a dozen jobs and more than one kidney donor match. The scholarship fund raised more at our last dinner than in the previous six months of emails. When people see each other's faces, they remember that the network is made of people, not of addresses on a mailing list.",
        "Food decides the mood of a reunion more than any programme. We have tried hotel buffets, catered dinners and, once, a disastrous attempt at a barbecue. The evenings people remember best are the ones where the old canteen staff were hired to cook, and the menu was exactly what we ate at nineteen: daal, rice, a watery curry and samosas in quantities that would alarm a doctor.",
        "There is always someone who almost did not come. They worried that they had not done enough with their lives, or that nobody would remember them, or that the old jokes would sting. Without exception, they are glad they came. A reunion is one of the few places where nobody is asking what you have achieved; people simply want to know how you are.",
    ],
    "careers": [
        "Nobody's career is a straight line, however neat it looks on a profile page. Among my own classmates there is a banker who became a potter, a pharmacist who now designs video games, and a cricket-obsessed accountant who runs a sports analytics firm. When students ask me how to plan a career, I tell them to plan the next two years carefully and hold everything after that loosely.",
        "Changing careers in your forties is frightening for reasons that have little to do with skill. You know how to learn; you have done it before. What is hard is being the least experienced person in the room again, taking instructions from someone younger than your niece, and explaining to relatives why you gave up a perfectly respectable job. **The embarrassment fades within a year. The regret of not trying does not.**",
        'A few things I wish someone had told me before my first interviews:\n\n1. Prepare three stories about problems you solved, and tell them with numbers.\n2. Ask the interviewer what a good first six months would look like in the role.\n3. It is fine to say "I don\'t know, but here is how I would find out."\n4. Send a short thank-you note the same day. Almost nobody does.',
        "Working across time zones has become normal for many of us. I have colleagues in three continents, and our team's working day is a relay race: one office hands a problem to the next as the sun moves. It works, but only with discipline. Write things down, record decisions where everyone can find them, and never assume that silence means agreement.",
        "Professionals who move abroad often discover that their degrees are respected but not recognised. Engineers, doctors, lawyers and teachers face licensing exams, supervised practice and years of paperwork before they can work in their own field again. It is worth starting the process before you move, talking to people who have done it recently, and budgeting for at least a year of doing something else in the meantime.",
        "> Hire for curiosity and kindness. Everything else can be taught in six months, but those two take a lifetime.\n\nThat was the advice of the first manager who ever took a chance on me. She ran a small engineering office with twelve people and a leaking roof, and almost everyone she hired went on to lead teams of their own.",
        "Negotiating salary is a skill that most of us were never taught, and women in particular are often advised to be grateful rather than ambitious. Research the range for the role before the conversation, name a number first if you can, and remember that benefits, flexibility and training budgets are negotiable too. The worst a reasonable employer can say is no.",
        "Layoffs have touched many of our members in the last few years, in technology, in banking and in engineering firms alike. Losing a job is disorienting even when it is not your fault, and it almost never is. What helped the people I know most was telling their network quickly and plainly: *I am looking, this is what I do well, and this is what I want next.*",
        "Whatever your field, write well. Clear emails, short reports and honest summaries travel further than you would expect; they are forwarded to people you have never met, who decide things about your future. Engineers and doctors sometimes think writing is for the humanities students. It is the cheapest way to make your work visible.",
        "More of our members are choosing to go back home, some to start businesses and some to care for ageing parents. The move is rarely simple: salaries are lower, bureaucracy is slower, and friends abroad do not always understand. But those who have done it speak of a different kind of satisfaction, the feeling that their work is visible to the people it is meant for.",
        "Luck plays a larger part in careers than successful people like to admit. The right manager at the right moment, a project that happened to succeed, a chance conversation at a wedding: these shape lives as much as talent and hard work. Admitting that does not diminish anyone's effort. It should make us more generous towards those whose luck has not yet arrived.",
    ],
    "scholarships": [
        "The Sitara Scholarship Fund began with twelve alumni who each promised to give the price of a restaurant dinner every month. Nobody expected it to last. Fifteen years later it supports dozens of students a year, and the twelve founders have become several hundred regular donors spread across twenty countries. Small, steady gifts turned out to be far more reliable than occasional large ones.",
        "Scholarships are awarded on need, and the committee reviews applications without names, schools or home towns attached. We see marks, a short essay and a family budget. It is an imperfect system, but it removes many of the ways in which well-connected families used to get ahead, and it makes the committee's arguments about the substance rather than the surname.",
        "> I did not know that strangers could believe in me before they had met me.\n\nThat line came from a first-year student's thank-you letter, and it was read aloud at our annual dinner. Several donors asked afterwards whether they could meet her. She politely declined; she had an examination the next morning.",
        "What the committee looks for in an application:\n\n- **Honest numbers.** We would rather see a difficult budget than a tidy one that hides a debt.\n- A short essay in the student's own words, in English or Urdu; we do not mark the grammar.\n- A teacher's note, even if it is only three sentences.\n- Some sign of persistence: a job alongside school, a sibling cared for, an exam retaken.",
        "Every rupee is accounted for. Each year the fund publishes a report listing income, expenses and the number of students supported, with the names of donors who agreed to be named. Administrative costs are paid separately by a few alumni, so that every donation goes to students. Trust is the fund's only capital, and it is spent very easily.",
        "Many employers will match their staff's charitable donations, and a surprising number of our members had never asked. One email to the human resources department can double a monthly gift. Last year matched donations paid for eleven full scholarships. If your company has such a programme, please take five minutes and find out how it works.",
        "Tuition is only part of the cost of college. Hostel rent, books, transport and simply eating three meals a day often add up to more than the fees themselves. Students who drop out rarely do so because they cannot pay for classes; they leave because they cannot pay for everything else. That is why our scholarships cover living costs as well, even though it means supporting fewer students.",
        "For girls from small towns, a scholarship is often not enough on its own. Families worry about safety, about the distance from home, about what relatives will say. The fund now works with the college to guarantee hostel places for scholarship students, and our women alumni visit families who are hesitating. A conversation with someone who made the same journey twenty years earlier can settle doubts that no brochure can.",
        "The best part of running the fund is watching former scholars become donors. The first of them started giving the month she received her first salary, and she insisted on giving more than we asked. Today nearly a third of our regular donors were once recipients themselves. That circle, more than any amount of money, is what makes the fund feel like a family rather than a charity.",
        "We argue every year about whether to build an endowment or to spend everything we raise. An endowment would make the fund permanent; spending now helps students who are in college today and cannot wait for investment returns. So far we have split the difference, saving a fifth of each year's donations. Members who feel strongly either way are welcome at the annual meeting, and they usually come.",
    ],
    "technology": [
        "The college's first computer lab had eleven machines, one dot-matrix printer and a rule that nobody could save anything to the hard disk. We carried our work around on floppy disks that failed at the worst possible moments, usually the night before a deadline. It is easy to laugh at that now, but that crowded room taught a generation of us that computers were something we could understand, not just use.",
        "Mobile payments have changed the small economies of our neighbourhoods more than any grand policy. The vegetable seller, the tailor and the man who irons clothes on the corner all have a code printed on a card. Nobody waits for change, nobody argues about torn notes, and a widow who once had to visit the bank every month now receives her pension on her phone. Not every change is progress, but this one mostly is.",
        "The new AI writing and coding tools are genuinely useful, and I use them every day. They are also confidently wrong often enough that nothing they produce should go out unchecked. **Treat them like a clever intern on their first week**: fast, eager, widely read, and in need of someone who knows the subject to read their work before it reaches a customer.",
        "A short security checklist for the family phone:\n\n- Turn on two-step verification for email and banking, and write the backup codes on paper.\n- Use a password manager, or at least stop reusing one password everywhere.\n- Install updates the week they arrive, not the year after.\n- Agree on a family code word, so that a panicked call asking for money can be checked.",
        "Open source software is one of the quiet success stories of our region. Developers in Karachi, Lahore, Dhaka and Colombo maintain libraries used by millions of people who will never know their names. Contributing in public is also the best portfolio a young programmer can build: every discussion, review and fix is visible to future employers, and no interview can show as much.",
        "Connectivity is still uneven and expensive. In the city, fibre is spreading quickly; two hours away, students share one phone's data to download lecture notes. Shutdowns during protests and exams cut off businesses and families without warning. We talk about the digital economy as if everyone can join it, but for millions the price of a gigabyte decides whether they can.",
        "> Software is a conversation with people you will never meet: the person who reads your code next year, and the person who uses it at midnight when something is broken.\n\nAn engineer I worked with in Houston kept that written on a card above her desk. It is the best description of the job I know.",
        "Our parents did not grow up with screens, and many of them feel that technology arrived without asking permission. Teaching them is an exercise in patience: the same button, explained for the fifth time, on a call that keeps dropping. But once they are comfortable, they become the most enthusiastic users in the family, forwarding recipes, sermons and cricket scores at six in the morning.",
        "Writing in Urdu on a phone or a computer has improved enormously, but it is still harder than it should be. Fonts render Nastaliq badly, search engines stumble over spelling variants, and right-to-left text mixed with English numbers can scramble a sentence. **Language is infrastructure**, and millions of people deserve tools that work as well in their own script as in English.",
        "Data centres, electric cars and air conditioners all need electricity, and our grids are already strained on summer afternoons. The good news is that solar panels have become cheap enough for rooftops across the country, and batteries are following. The technology question of the next decade is not which app will win; it is whether the power will stay on.",
        "Every family now has a designated technology person, usually the child who once fixed the television remote and has never been allowed to forget it. From thousands of kilometres away, they reset passwords, explain why the screen has gone sideways and talk parents through updates on crackling calls. It is unpaid, thankless work, and it is also one of the ways we look after the people who looked after us.",
    ],
    "startups": [
        "Almost every startup founded by our alumni began in a spare room: a bedroom with a borrowed desk, a garage with an extension cord, a corner of a father's shop after closing time. The romance of the early days is real, but so are the unpaid salaries and the family dinners spent explaining what the company does. Founders need friends who ask how they are, not only how the business is.",
        "Funding comes in seasons. In good years, investors fly in, valuations climb, and founders are told to grow at any cost. Then the money dries up, and the same founders are told to become profitable by next quarter. The companies that survive the winters are usually the ones that never believed the summer would last, and kept their costs low while it did.",
        "Questions investors will certainly ask you:\n\n1. Who exactly is the customer, and how many of them have paid you so far?\n2. Why is this the right moment for this business?\n3. What do you know that competitors have not understood yet?\n4. How long can you survive if this round takes twice as long as you expect?\n\nHave honest answers ready. Investors forgive uncertainty far more easily than spin.",
        "The most promising startups I see are solving stubbornly local problems: getting medicine to small-town pharmacies on time, helping farmers sell directly to city buyers, letting small shops borrow against their sales records. These businesses will never look glamorous in a foreign newspaper. They are often the ones that change the most lives.",
        "We rarely talk about failure honestly, and we should. Most startups close, and most founders walk away with debts, strained friendships and skills they could not have learned anywhere else. Several of our members have closed companies and built better ones afterwards. **A failed startup is a very expensive education**, but it is an education.",
        "> Fall in love with the problem, not with your solution. The solution will change four times; the problem is why you get up in the morning.\n\nA founder in our network said that at a small meetup in Karachi, and half the room wrote it down. She was on her third pivot at the time.",
        "Hiring the first ten people decides the culture of a company for years. Early employees need to be comfortable with chaos, kind under pressure and willing to do work far outside their job titles. Several founders in our network now say the same thing: they hired too quickly in their first year and too carefully in their second.",
        "The diaspora is a natural source of early investment. Alumni abroad know the market back home, understand its frustrations and often want a reason to stay connected. A group of our members now invests together in small amounts, with one person doing the research for each deal. None of them expects to get rich; all of them expect to learn something.",
        "Registering a company, opening a bank account and paying taxes still take far longer than they should. Founders spend weeks on paperwork that would take hours elsewhere, and every month lost is a month of runway spent. Regulators have improved some processes, and online registration now works for simple cases, but the distance between a good idea and a legal business remains too long.",
    ],
    "science": [
        "The physics laboratory in the old block had wooden benches scarred by decades of experiments and a single glass cabinet that held the college's most precious instruments. We were allowed to look at them through the glass and, on special days, to use them under close supervision. That mixture of reverence and curiosity is a good way to start in science.",
        "Small satellites built by university teams have turned space from a national project into a classroom project. A cube the size of a shoebox, assembled by students, can carry a camera or a radio experiment into orbit for a fraction of what a traditional satellite costs. The real payload is not the instrument; it is the students who learn to design, test and fail in public.",
        "The scientific method is less a procedure than a habit of mind: noticing something odd, guessing why, and then trying hard to prove yourself wrong. It is as useful in a kitchen or a business meeting as in a laboratory. The best teachers I had did not give us answers; they taught us how to be comfortably uncertain while we looked for them.",
        "> Write down what you expect before you measure. Otherwise the measurement will always agree with you.\n\nProfessor Anwar Sheikh repeated that in every practical class, usually while confiscating someone's suspiciously perfect results. Years later, I found myself saying it to my own students in a very different country.",
        "When I was a student, there were three women in a chemistry class of forty. Today, in many of the region's universities, women are the majority in the natural sciences. The harder gap is now further along: in senior research posts, in laboratories led by women, and in the grants they receive. **Getting in was the first battle, not the last.**",
        "Research needs patient money, and patient money is scarce. Many of our brightest graduates leave not because they want to, but because laboratories abroad offer equipment, stable funding and time to think. Some come back, bringing methods and contacts with them. A serious national research budget would bring back more of them, and sooner.",
        "Science belongs to the public as much as to laboratories. Night-sky evenings, open days and museum visits can change a child's idea of what they might become. The astronomy club at our college still sets up its old telescope on the roof once a month, and the queue for it still stretches down the stairs.",
        "A few books that made scientists of some of our members, chosen in a long and noisy thread:\n\n- a battered school textbook of practical chemistry, with experiments that would not be allowed today;\n- a popular history of astronomy, borrowed from the library and returned two years late;\n- a biography of a woman mathematician, read under the covers with a torch.\n\nThe titles mattered less than the moment someone handed them over.",
        "Public health is science at its most visible. Vaccination campaigns, clean water and simple hygiene have saved more lives in our countries than any single medicine. Those gains are fragile: they depend on trust between scientists and the communities they serve, and trust has to be earned in every village, every season.",
        "Citizen science lets anyone contribute to real research. Birdwatchers count species along canals and coastlines, farmers record rainfall, and students photograph insects for online databases that scientists around the world use. The data is imperfect, but there is a great deal of it, and it comes from places that no research grant would ever reach.",
        "Good laboratory equipment does not need to be expensive. Some of the best experiments I remember used a stopwatch, a length of string and a great deal of patience. A teacher who understands the principle behind an experiment can improvise with almost anything, and students who build their own apparatus understand it far better than those who only press buttons on someone else's.",
    ],
    "cricket": [
        "The college ground was never flat. The matting wicket was laid over a patch of baked earth, the outfield sloped gently towards the canal, and any ball hit hard to midwicket would be fetched from the water by a small boy who charged one rupee per rescue. We thought it was the finest ground in the world, and for a few summers it was.",
        "Tape-ball cricket made cricketers of an entire generation. A tennis ball wrapped in electrical tape, a plank for a bat and a lane between two houses were enough for a match that lasted until the call to prayer. The rules changed street by street: one-hand-one-bounce here, no running behind the square there, and always the broken window that ended the game.",
        "For those of us abroad, watching cricket means living on the wrong side of the clock. I have set alarms for three in the morning, watched a collapse in silence so as not to wake the children, and gone to work having seen a hundred scored and the team still lose. The group chat is busiest at those hours, full of people who should all be asleep.",
        "The annual alumni match is the most competitive friendly fixture in the world. Men and women who have not run in years suddenly remember how to bowl, and forget that their knees no longer agree. Nobody remembers the results for long; everybody remembers the catches that were dropped, and who dropped them.",
        "> Watch the ball, not the bowler. The bowler is trying to make you look at him.\n\nOur old coach said this before every match, in the same tone, whether we were playing a school side or the city's best team. He was talking about cricket, but I have found it to be good advice in meetings too.",
        "Women's cricket has changed faster than anyone in my generation expected. Girls now play in school leagues, women's matches are broadcast, and the college has a women's team that practises on the same ground where we once were told there was no place for them. Some of the most passionate fans in our network are fathers of daughters who bowl faster than they ever did.",
        "Choosing an all-time college eleven is the surest way to start an argument among alumni. Everyone agrees on the openers and nobody agrees on anything else:\n\n- Should a great batter from the eighties be picked over a better fielder from the nineties?\n- Does a wicketkeeper who talked non-stop count as a tactical advantage?\n- Who is twelfth man, and will they ever forgive us?",
        "Cricket travels with the diaspora. There are leagues in Toronto, Houston, New Jersey, Dubai and Melbourne, played on rented fields at dawn before the football teams arrive. The players are accountants, doctors and taxi drivers, and the standard is surprisingly high. The tea breaks, with samosas from somebody's aunt, are better than at any professional ground.",
        "Before television was everywhere, we followed matches on the radio. The commentators' voices built the whole game in our heads: the crowd, the weather, the long shadows across the pitch. I still think radio commentary is the best way to follow a close finish, because your imagination always makes the last over more dramatic than the cameras can.",
        "Every cricket family has a statistician: the person who knows the batting average of a player from 1987 and can tell you how many times a team has chased more than three hundred in the fourth innings. Our network has several, and they disagree with each other in long messages full of numbers. We pretend to find them tiresome, and we ask them everything.",
        "Cricket at our college was never only a sport. It was a reason to skip lectures, a way to settle arguments between hostels and the subject of half the conversations in the canteen. Students who could not bat or bowl became scorers, umpires or simply loud supporters on the boundary. Everyone belonged to the game in some way, and it belonged to all of us.",
        "Coaching young players teaches you patience. Every child wants to hit sixes; very few want to practise their defence for an hour. The best coaches make the dull parts of the game feel important, and they know when to let a youngster simply enjoy themselves. A player who loves the game at fourteen will still be playing at forty.",
    ],
    "city": [
        "Traffic in our cities is less a problem than a way of life. Rickshaws, buses, motorbikes carrying entire families and the occasional donkey cart share the same road under a set of rules that nobody wrote down but everybody understands. Newcomers find it terrifying; residents find it oddly cooperative, a daily negotiation conducted in horns and hand gestures.",
        "Power cuts shaped our evenings. When the lights went out, families moved to the roof or the courtyard, someone brought out a lantern, and the conversation turned to stories nobody had time for when the television was on. I do not miss the heat or the spoiled food, but I do miss those unplanned hours of talking.",
        "When the monsoon arrives, the city changes shape. Streets become rivers, underpasses fill to the brim, and the smell of wet earth rises from every patch of ground that is not yet concrete. Children float paper boats, drivers abandon their cars, and everybody complains about the drains while secretly enjoying the first real rain of the year.",
        "The Sunday book market is one of the last places in the city where time moves slowly. Stalls spill over with second-hand textbooks, old magazines, poetry collections with someone else's name written inside the cover, and dictionaries that have outlived their owners. You never find what you came for, and you always leave with something better.",
        "Late-night tea stalls are the city's real parliament. Students, taxi drivers, journalists and night-shift nurses sit on the same plastic stools and argue about politics, cricket and the price of petrol until the early hours. The tea is too sweet, the benches are uncomfortable, and I have had some of the best conversations of my life there.",
        "New shopping malls have brought air conditioning, escalators and international brands, and they are full every weekend. The old bazaars have not disappeared, though. They remain the place to bargain for cloth, buy spices by weight and find a repairman who can fix anything. **A city needs both**: the comfort of the new and the memory of the old.",
        "The new bus lines have been a quiet revolution. For the first time, many women can travel across the city alone, safely and cheaply. Students reach college in half the time they used to, and the buses are clean, on time and crowded in the best way. There are still too few routes, but every new one changes a neighbourhood.",
        "Parks are where a crowded city breathes. Early in the morning, they fill with walkers, yoga groups, retired men doing vigorous exercises of their own invention and young cricketers claiming every open patch of grass. Protecting those green spaces from developers is one of the most important civic battles of our time.",
        "If you are visiting home after a long time away:\n\n- Walk through your old neighbourhood before you drive through it.\n- Eat at the stall you loved as a student, even if your stomach objects.\n- Visit one teacher, if any of them are still around.\n- Take the new bus line at least once, and be surprised.",
        "> People think we sell cloth. We sell time: the time it takes to choose, to argue about the price and to drink a cup of tea while you decide.\n\nA shopkeeper in the old cloth market told me that while I hesitated over a length of cotton. I bought it, and I went back the next week for the tea.",
        "Every neighbourhood has its own clock. The baker's shutter rises before dawn, schoolchildren pour out at half past one, the evening walkers circle the park after the heat breaks and the tea stall closes when the last customer finally goes home. Live in one place long enough, and you learn to tell the time without a watch.",
        "Our cities are growing faster than anyone can plan them. Fields on the edge of town become housing schemes within a year, with roads, schools and water pipes arriving long after the residents. Planners are always catching up. The best neighbourhoods, old and new, are the ones where people can walk to a market, a school and a park without needing a car.",
    ],
    "food": [
        "The canteen samosa deserves its own chapter in the college's history. It was too large, too spicy and served in a square of newspaper that left headlines printed on your fingers. It cost almost nothing and could substitute for lunch, dinner or courage before an examination. Alumni who have eaten in the finest restaurants of the world still describe it with a faraway look.",
        'Cooking our mothers\' recipes abroad is an act of memory as much as nourishment. The spices are different, the tomatoes are wrong, and the stove never gets hot enough. We call home to ask how much salt, and the answer is always "just enough". It takes years to understand that the recipe was never written down because it lived in her hands.',
        "No debate divides our network like the question of biryani. Should there be potatoes in it? Should it be served with raita or with salan? Is the rice supposed to be fragrant and separate or rich and soft? These questions have ended friendships and started marriages. **There is no correct answer**, except that your own family's biryani is the correct answer.",
        "A simple daal, as it is made in many of our homes:\n\n1. Wash a cup of red lentils and boil them with turmeric and salt until soft.\n2. Heat oil, add cumin seeds, sliced garlic and a dried chilli until the garlic turns golden.\n3. Pour the hot oil over the lentils; it should sizzle loudly.\n4. Finish with chopped coriander and a squeeze of lemon, and eat it with rice and whatever conversation is at the table.",
        "During Ramadan, the evening meal becomes a daily festival. Dates, fruit chaat, pakoras and cold drinks appear on the table in the last minutes before sunset, and the whole family waits in a hungry, patient silence for the call to prayer. Abroad, we recreate it in small flats and community halls, and the food tastes of home even when half of it came from the supermarket.",
        "Street food is the city's most democratic institution. The same cart serves bankers and labourers, students and grandparents, all standing on the pavement with paper plates. The best vendors specialise in one dish and perfect it over decades. They know their regular customers by name and by order, and they will tell you off for eating too fast.",
        "Our food has changed wherever it has travelled. There is nihari served with sourdough in Toronto, tikka pizza in Dubai and a biryani burrito in Houston that I am not proud to have enjoyed. Purists complain, but every cuisine we love was once a mixture of someone else's. The food keeps moving because the people do.",
        "> Anyone can follow a recipe. Cooking is knowing when the onions are ready by the smell, not by the clock.\n\nThe old cook in our hostel kitchen said this to anyone who wandered in to complain about the food, which was often. His onions, it must be said, were always perfect.",
        "Food and memory are stitched together. A single smell, of cardamom tea or frying pakoras on a rainy afternoon, can carry us back thirty years in an instant. Perhaps that is why so many alumni conversations end up being about what we ate: it is the easiest door into the past, and everyone has a key.",
    ],
    "travel": [
        "The road north climbs out of the plains into a landscape that seems designed to make travellers stop every ten minutes for photographs. Terraced fields give way to pine forests, then to bare rock and glacier-fed rivers the colour of milky tea. The road is narrow, the trucks are enormous, and the views are worth every anxious moment.",
        "For many of us, travel begins in a visa queue. Forms ask for bank statements, invitation letters and details of every trip taken in the last ten years, and the answer can take months. It is a reminder that the world is not equally open to everyone, and it makes every conference abroad, every family wedding overseas and every reunion a small victory of paperwork.",
        "Long train journeys are one of the last ways to travel slowly. The carriages rattle through sugarcane fields and small stations where tea sellers run alongside the windows, and strangers share food and life stories over twenty hours. Nobody is in a hurry, partly because there is no point: the train arrives when it arrives.",
        "What to pack for a long trip home:\n\n- Gifts for more relatives than you think you have.\n- Medicines you cannot buy easily there, and a copy of each prescription.\n- A universal power adapter and a power bank for the power cuts.\n- Empty space in your suitcase for the pickles, sweets and spices that will come back with you.",
        "The coast in the southwest is one of the most beautiful places most people have never visited. Cliffs carved by the wind stand over empty beaches, fishing boats come in at dusk with their catch, and the sea glows at night with bioluminescent plankton. Roads have improved in recent years, and the region deserves visitors who come with respect and curiosity.",
        "Airports are where the diaspora lives between homes. We know every layover city intimately: the prayer rooms, the charging points, the one café that serves decent tea at four in the morning. **A twelve-hour layover is not a waste of time if you leave the airport**; many of us have discovered whole cities in the gap between two flights.",
        "The best reason to travel is to visit people. A classmate's spare room, a home-cooked meal in a city you do not know, and a long evening catching up on twenty years are worth more than any hotel. Our network has become a map of open doors, and several members have travelled around the world staying only with alumni.",
        "> Travel teaches you that your way of doing things is only one way. Coming home teaches you that it is still your way.\n\nAn old geography teacher wrote that in the autograph book of a student who was leaving for university abroad. The student, now a grandmother, still has the book.",
        "Tourism is growing quickly in the mountains, and not all of it is welcome. Plastic waste piles up beside the roads, hotels are built too close to rivers, and villages see little of the money that visitors spend. Travel responsibly: carry your rubbish back, stay in locally owned guesthouses and hire local guides, who know the mountains better than any map.",
    ],
    "mentoring": [
        "Our mentoring programme pairs current students and recent graduates with alumni working in the fields they hope to enter. The pairs meet once a month, usually by video call, for at least a year. It is a simple idea, but the students tell us that one honest conversation with someone who has already made the journey is worth more than a dozen careers fairs.",
        "Good mentors listen more than they talk. The temptation, when a young person asks for advice, is to tell the story of your own career at length. But their world is different from the one we graduated into, and the most useful thing we can offer is often a good question: *what would you do if you knew you could not fail?*",
        "A first meeting with a new mentee might cover:\n\n1. What they hope to be doing in two years, and why.\n2. What they are worried about, stated plainly.\n3. One small thing they can do before the next meeting.\n4. How and when they would like to be contacted.\n\nIt also helps to agree, at the start, that either side can end the arrangement without hard feelings.",
        "Mentoring works in both directions. My mentees have taught me how younger colleagues think about work, what they expect from managers and which technologies they take for granted. The exchange keeps my own thinking from hardening. **Reverse mentoring** is not a gimmick; it is what happens naturally when both sides are curious.",
        "> My mentor never told me what to do. She asked questions until I realised I already knew.\n\nThat was how a graduate described her year in the programme, in a feedback form that the committee has since quoted at every meeting. The mentor in question was slightly embarrassed; she said she had simply been too busy to give long answers.",
        "Time zones make mentoring a matter of scheduling ingenuity. A mentor in California and a student in Karachi have a narrow window when both are awake and neither is at work or in class. Short, regular calls work better than long, rare ones. Thirty minutes every month, kept faithfully, can change the direction of someone's career.",
        "Young women engineers in our network often describe the same obstacles: being the only woman on a site, being spoken over in meetings, being asked when they plan to get married. Mentors who have faced the same things can offer something no training course can, which is the practical knowledge of how they got through it.",
        "Mentoring needs boundaries. Mentors are not recruiters, bankers or therapists, and mentees should not expect them to find jobs or solve family problems. Mentors, in turn, should not treat mentees as unpaid assistants. The best relationships are clear about what each side can give, and generous within those limits.",
        "How do we know the programme works? We ask. Every year, mentees tell us whether they found internships, changed direction or simply felt less alone. Many mention a single piece of advice that made a difference. And the clearest sign of all is that former mentees are now volunteering to become mentors themselves.",
    ],
    "climate": [
        "Summers have become something to survive rather than enjoy. Temperatures above forty-five degrees now arrive earlier in the year and stay longer, and the nights no longer cool down enough to rest. Labourers, street vendors and the elderly suffer most. Heat is a quiet disaster: it does not knock down buildings, so it rarely makes the headlines it deserves.",
        "The floods showed how quickly a changing climate can undo decades of development. Whole districts went under water, roads and bridges disappeared, and millions of people lost their homes and their harvests in a few weeks. Rebuilding has been slow, and many families are still living in temporary shelters, waiting for the next monsoon with understandable fear.",
        "Planting trees is the most popular climate action, and it can be meaningful if done carefully. Native species that need little water survive; imported ornamental trees planted for a photograph often die within a year. The best tree-planting groups in our network choose the right species, water them through the first summer and count how many are still alive the following spring.",
        "Small things a household can do, in rough order of impact:\n\n- Insulate the roof and paint it white; it keeps rooms several degrees cooler.\n- Install solar panels if you own your home, and a battery if you can.\n- Fix leaking taps and collect rainwater where it is allowed.\n- Drive less and take the bus more, where there is a bus to take.\n\nNone of these will save the world alone. Together, across millions of homes, they matter.",
        "Water is the climate story that affects everyone. Groundwater levels are falling in many cities, rivers run lower in the dry months, and farmers compete with growing towns for every canal allocation. Better irrigation, fixing leaking city pipes and pricing water fairly would help more than any new dam, but they are less exciting to announce.",
        "Rooftop solar has grown from a luxury into a sensible choice for many middle-class families. Falling panel prices, unreliable grid power and rising electricity bills have done more to spread clean energy than any campaign. The challenge now is making the grid ready for millions of small producers instead of a few large power stations.",
        "> My grandfather knew when to sow by looking at the sky. I look at my phone, and the sky still surprises me.\n\nA farmer from the south said that during a panel on agriculture and climate that some of our members organised. Weather forecasts have improved enormously, but the seasons themselves have become less predictable.",
        "The glaciers in the north are, in effect, the water tank for hundreds of millions of people. They store winter snow and release it through the summer, feeding the rivers that irrigate fields across the plains. As they melt faster, they first cause floods and lakes that can burst without warning, and later, less water in the rivers when it is most needed.",
        "The young people in our network give me hope. Students are measuring air quality in their neighbourhoods, planting urban forests, organising clean-ups and lobbying local councils for cycle lanes and shaded bus stops. They are practical, impatient and far better informed than we were at their age. Our job is to fund them, advise them and get out of their way.",
    ],
    "education": [
        "The teachers who mattered most were rarely the ones who followed the syllabus most closely. They were the ones who wandered off the topic to tell us about a book they loved, who stayed after class to explain a problem for the fourth time, and who noticed when a quiet student was struggling at home. Most of us can still name them decades later.",
        "Memorisation gets a bad name, and it is not entirely deserved. Knowing multiplication tables, formulas and poems by heart gives a mind something to work with. The trouble begins when memorising replaces understanding, and students learn to reproduce answers they cannot explain. **The enemy is not memory; it is boredom**, and the belief that learning is something done to you rather than with you.",
        "Schools in small towns and villages face problems that city schools have mostly forgotten: teachers who must travel for hours, classrooms without electricity, girls who leave school when there is no toilet. Several of our members support individual schools directly, and they have found that small, practical help, such as a solar panel or a water filter, often achieves more than a large grant.",
        "What makes a good classroom, according to a survey of our teacher members:\n\n- A teacher who knows every student's name within the first week.\n- Questions that have more than one right answer.\n- Permission to be wrong out loud, without laughter.\n- Books in the room that have nothing to do with the examination.",
        "Online learning grew suddenly during the pandemic and has stayed, in a different form. It works well for motivated adults and for subjects that need practice more than discussion. For young children, and for students without quiet rooms or reliable internet, it widened every existing gap. The lesson is to use it where it helps, not everywhere.",
        "> Children will forget what you taught them. They will remember whether you believed they could learn it.\n\nOur old headmistress said this at every new teachers' orientation for thirty years. Several of those teachers are now principals themselves, and they say it to their own staff.",
        "Examination season is still a time of enormous stress for students and families. Entire futures seem to depend on a few days in a crowded hall, and tuition centres charge a fortune for the promise of a higher grade. Better examinations would test understanding rather than recall, and a single bad day would not decide a young person's life.",
        "Libraries remain the most democratic spaces in education. A well-stocked library gives a poor student the same books as a wealthy one, a quiet place to study and, often, a librarian who knows exactly which book will change their mind. Many of our alumni credit the college library, not any particular class, for the direction their lives took.",
        "The language of instruction is one of the oldest arguments in our schools. Children learn best in the language they speak at home, but English opens doors to universities and jobs. The most successful schools I know teach early years in the mother tongue and add English gradually, so that students become confident in both rather than fluent in neither.",
        "Teachers are paid too little for what we ask of them. A good teacher shapes hundreds of lives over a career, yet many take second jobs to support their families. Societies show what they value by what they pay for, and our societies have not yet decided to value teaching as highly as they claim to in speeches.",
    ],
}

# --- Related links, by topic: fictional articles on fictional sites ----------------------------

LINKS: dict[str, list[Link]] = {
    "reunions": [
        Link(
            "https://news.example.com/education/alumni-gatherings-return",
            "Alumni Gatherings Return, Bigger and Younger",
            "The Harbour Times — by Sadia Khalid",
            "Colleges across the region report record attendance at alumni events. Organisers say recent graduates, not only the retired, are driving the growth.",
        ),
        Link(
            "https://www.example.org/guides/organising-a-class-reunion",
            "A Practical Guide to Organising a Class Reunion",
            "Community Handbook — by Faisal Durrani",
            "Start with a list, not a venue. The hardest part of any reunion is finding the people, and it always takes longer than planned.",
        ),
        Link(
            "https://evening-ledger.example.net/features/why-we-go-back",
            "Why We Go Back: The Psychology of Reunions",
            "Evening Ledger — by Clara Mensah",
            "Reunions let us measure how far we have travelled. Most attendees, researchers found, leave feeling kinder towards their younger selves.",
        ),
        Link(
            "https://news.example.com/cities/old-campus-new-life",
            "An Old Campus Finds New Life Through Its Graduates",
            "The Harbour Times — by Imtiaz Rao",
            "Donations from former students have restored the clock tower and the original library reading room. The alumni association plans to repair the hostel roofs next.",
        ),
    ],
    "careers": [
        Link(
            "https://careers.example.org/articles/second-careers",
            "Second Careers Are the New Normal",
            "Workplace Review — by Helen Achebe",
            "One in three professionals over forty has changed fields at least once. Most say the first year was the hardest and the most rewarding.",
        ),
        Link(
            "https://news.example.com/business/licensing-barriers-migrants",
            "Licensing Barriers Keep Migrant Professionals Out of Their Fields",
            "The Harbour Times — by Rabia Anjum",
            "Doctors and engineers wait years to practise again. Advocates want faster recognition of foreign qualifications and paid supervised placements.",
        ),
        Link(
            "https://worklife.example.net/remote/time-zone-teams",
            "How Teams Across Time Zones Actually Work",
            "Worklife Weekly — by Tomás Varga",
            "The successful teams write everything down. Meetings are the exception, not the default, and decisions live in documents that anyone can read.",
        ),
        Link(
            "https://careers.example.org/articles/after-the-layoff",
            "After the Layoff: A Ninety-Day Plan",
            "Workplace Review — by Nida Farhat",
            "Tell people quickly. The jobs most people find after a layoff come through someone they already know, not through an application portal.",
        ),
    ],
    "scholarships": [
        Link(
            "https://news.example.com/education/hidden-cost-of-college",
            "The Hidden Cost of College Is Everything but Tuition",
            "The Harbour Times — by Saima Qadir",
            "Rent, transport and food now outweigh fees for many students. Dropouts cite living costs far more often than tuition.",
        ),
        Link(
            "https://givingnotes.example.org/alumni-funds-that-last",
            "Alumni Scholarship Funds That Last",
            "Giving Notes — by Peter Njoroge",
            "The most durable funds rely on many small monthly gifts. They publish accounts every year and keep administrative costs separate.",
        ),
        Link(
            "https://classroom-quarterly.example.net/girls-and-hostels",
            "Why Hostels Matter for Girls' Higher Education",
            "Classroom Quarterly — by Ambreen Sultan",
            "Parents were far more willing to send daughters to college when a safe hostel place was guaranteed. The effect was largest in small towns.",
        ),
        Link(
            "https://givingnotes.example.org/matching-gifts",
            "Matching Gifts: The Money Donors Leave on the Table",
            "Giving Notes — by Laura Chen",
            "Many employers double their staff's donations. Only a small fraction of eligible gifts are ever matched, because nobody asks.",
        ),
    ],
    "technology": [
        Link(
            "https://techbazaar.example.com/payments/qr-codes-small-shops",
            "QR Codes Are Changing How Small Shops Get Paid",
            "Tech Bazaar — by Usman Ghani",
            "Vendors who accept digital payments report fewer disputes and faster sales. Adoption is fastest among shops run by younger family members.",
        ),
        Link(
            "https://news.example.com/technology/ai-tools-at-work",
            "AI Tools at Work: Useful, and in Need of Supervision",
            "The Harbour Times — by Mariam Yusuf",
            "Firms that gained the most from AI tools kept humans responsible for the final result. Errors rose where output was published without review.",
        ),
        Link(
            "https://techbazaar.example.com/security/family-phones",
            "Your Parents' Phone Is the Easiest Way Into Your Family's Bank",
            "Tech Bazaar — by Erik Solberg",
            "Scammers increasingly target older relatives with urgent calls and fake messages. Simple steps, such as two-step verification, stop most attacks.",
        ),
        Link(
            "https://open-source.example.org/stories/maintainers-south-asia",
            "The Maintainers: South Asia's Quiet Open Source Builders",
            "Open Source Stories — by Kiran Bose",
            "Volunteer maintainers in the region look after tools used by millions. Most started by fixing a small bug in their spare time.",
        ),
    ],
    "startups": [
        Link(
            "https://founders-gazette.example.com/funding/winter-survival",
            "Surviving the Funding Winter",
            "Founders' Gazette — by Ali Zaidi",
            "Startups that cut costs early raised their next round on better terms. Those that waited for the market to recover often did not survive to see it.",
        ),
        Link(
            "https://founders-gazette.example.com/stories/local-problems",
            "The Unglamorous Startups Solving Local Problems",
            "Founders' Gazette — by Grace Otieno",
            "Pharmacy delivery, farm-to-city supply chains and small-business credit attract less attention than consumer apps. They are growing faster.",
        ),
        Link(
            "https://news.example.com/business/diaspora-angels",
            "Diaspora Investors Are Backing Startups Back Home",
            "The Harbour Times — by Sameer Naqshbandi",
            "Angel groups of overseas professionals now take part in a growing share of early deals. Founders value their networks as much as their money.",
        ),
        Link(
            "https://founders-gazette.example.com/opinion/closing-a-company",
            "What I Learned From Closing My Company",
            "Founders' Gazette — by Zoya Karim",
            "Closing was harder than starting. I owed everyone an honest explanation, and giving it was the best thing I did as a founder.",
        ),
    ],
    "science": [
        Link(
            "https://frontline-science.example.org/space/student-satellites",
            "Student Satellites Are Reaching Orbit",
            "Frontline Science — by Dr. Farah Naz",
            "University teams have launched small satellites built on modest budgets. The experience trains engineers that a growing space sector will need.",
        ),
        Link(
            "https://frontline-science.example.org/people/women-in-research",
            "More Women in Science, Fewer at the Top",
            "Frontline Science — by Meera Iyer",
            "Women now make up most science undergraduates in several countries. Their share falls sharply at the level of professors and grant holders.",
        ),
        Link(
            "https://news.example.com/science/citizen-bird-counts",
            "Citizen Bird Counts Reveal Changing Migrations",
            "The Harbour Times — by Kamran Hyderi",
            "Volunteers recorded species arriving earlier each spring. Scientists say the records fill gaps in official monitoring.",
        ),
        Link(
            "https://frontline-science.example.org/policy/research-funding",
            "The Case for Patient Research Money",
            "Frontline Science — by Prof. Jonas Weber",
            "Breakthroughs rarely arrive on a grant's schedule. Countries that fund research steadily keep their scientists and attract others.",
        ),
    ],
    "cricket": [
        Link(
            "https://dailycrease.example.com/features/tape-ball-nation",
            "Tape-Ball Nation: How the Streets Made Our Fast Bowlers",
            "The Daily Crease — by Haris Anwar",
            "Bowling with a taped tennis ball rewards pace and swing. Coaches now scout street tournaments as carefully as school fixtures.",
        ),
        Link(
            "https://dailycrease.example.com/womens-cricket/new-generation",
            "A New Generation of Women Cricketers",
            "The Daily Crease — by Sara Bilal",
            "Girls' school leagues have tripled in five years. Coaches say the talent was always there; the pitches and the permission were not.",
        ),
        Link(
            "https://news.example.com/sport/diaspora-cricket-leagues",
            "Weekend Cricket Leagues Thrive Abroad",
            "The Harbour Times — by Michael Brennan",
            "Community leagues on rented fields now attract thousands of players. Many clubs run junior sections for children born abroad.",
        ),
        Link(
            "https://dailycrease.example.com/history/voices-on-the-radio",
            "Voices on the Radio: Remembering Cricket Commentary",
            "The Daily Crease — by Naveed Akhtar",
            "For decades, radio was how most fans experienced a match. The commentators' descriptions made every listener an eyewitness.",
        ),
    ],
    "city": [
        Link(
            "https://metro-dispatch.example.net/transport/bus-line-one-year",
            "One Year of the New Bus Line",
            "Metro Dispatch — by Ayla Demir",
            "Ridership has doubled forecasts, and women make up a growing share of passengers. Residents along the route are asking for more stops.",
        ),
        Link(
            "https://metro-dispatch.example.net/culture/sunday-book-market",
            "The Sunday Book Market Refuses to Close",
            "Metro Dispatch — by Zeeshan Ali",
            "Rising rents and online shopping have not emptied the stalls. Booksellers say students and retired readers keep them in business.",
        ),
        Link(
            "https://news.example.com/cities/monsoon-drains",
            "Why the City Floods Every Monsoon",
            "The Harbour Times — by Asma Riaz",
            "Drains built for a smaller city are blocked with rubbish and encroached upon by construction. Engineers say repairs are cheaper than the damage.",
        ),
        Link(
            "https://metro-dispatch.example.net/green/parks-under-pressure",
            "The City's Parks Are Under Pressure",
            "Metro Dispatch — by Bilqees Rana",
            "Several public parks have lost land to parking and commercial projects. Residents' groups are taking the cases to court.",
        ),
    ],
    "food": [
        Link(
            "https://kitchen-notes.example.org/essays/recipes-without-measurements",
            "Recipes Without Measurements",
            "Kitchen Notes — by Shabnam Virani",
            "Our grandmothers cooked by smell, sound and colour. Writing their recipes down means watching them cook, not asking them questions.",
        ),
        Link(
            "https://kitchen-notes.example.org/features/biryani-map",
            "A Map of Biryani",
            "Kitchen Notes — by Adeel Haroon",
            "Every city claims its biryani is the original. The dish's real history is a story of travel, trade and constant borrowing.",
        ),
        Link(
            "https://news.example.com/food/street-vendors",
            "The Street Vendors Who Feed the City",
            "The Harbour Times — by Lubna Sheikh",
            "Thousands of carts serve millions of meals every day. Vendors ask for licences and clean water rather than relocation.",
        ),
        Link(
            "https://kitchen-notes.example.org/diaspora/fusion-kitchens",
            "Diaspora Kitchens and the Joy of Fusion",
            "Kitchen Notes — by Daniel Rossi",
            "Second-generation cooks mix their parents' recipes with the food of the cities they grew up in. Purists object; customers queue.",
        ),
    ],
    "travel": [
        Link(
            "https://wayfarer.example.com/north/mountain-roads",
            "The Mountain Roads, Mile by Mile",
            "The Wayfarer Journal — by Gul Afridi",
            "The drive north is slow and spectacular. Leave early, carry water, and let the trucks pass on the narrow bends.",
        ),
        Link(
            "https://wayfarer.example.com/coast/the-quiet-coast",
            "The Quiet Coast",
            "The Wayfarer Journal — by Mahnoor Baig",
            "Wind-carved cliffs and empty beaches await visitors willing to drive. Local guides know the tides and the best places to watch the sunset.",
        ),
        Link(
            "https://news.example.com/travel/plastic-in-the-mountains",
            "Tourists Leave Tonnes of Plastic in the Mountains",
            "The Harbour Times — by Rustam Khan",
            "Volunteers collected rubbish along popular routes after the holiday season. Villages ask visitors to carry their waste back with them.",
        ),
        Link(
            "https://wayfarer.example.com/tips/long-layovers",
            "How to Spend a Long Layover",
            "The Wayfarer Journal — by Ingrid Holm",
            "Check the transit visa rules first. With eight hours or more, many airports are a short train ride from a city worth seeing.",
        ),
    ],
    "mentoring": [
        Link(
            "https://careers.example.org/articles/what-mentors-do",
            "What Good Mentors Actually Do",
            "Workplace Review — by Amina Lodhi",
            "Mentees valued questions more than advice. The most useful mentors helped them think, rather than telling them what to think.",
        ),
        Link(
            "https://worklife.example.net/leadership/reverse-mentoring",
            "Reverse Mentoring Comes of Age",
            "Worklife Weekly — by Jamal Idris",
            "Senior staff paired with younger colleagues learned about new tools and new expectations. Both sides reported better working relationships.",
        ),
        Link(
            "https://classroom-quarterly.example.net/women-in-engineering",
            "Keeping Women in Engineering",
            "Classroom Quarterly — by Rehana Mir",
            "Mentoring and visible role models reduce the number of women who leave engineering early in their careers.",
        ),
        Link(
            "https://givingnotes.example.org/alumni-mentoring",
            "Alumni Mentoring Programmes That Work",
            "Giving Notes — by Owen Price",
            "Regular short meetings, clear expectations and a way to end the match gracefully made the difference in programmes that lasted.",
        ),
    ],
    "climate": [
        Link(
            "https://climate-desk.example.org/heat/the-silent-disaster",
            "Heat Is the Silent Disaster",
            "Climate Desk — by Dr. Saira Naqvi",
            "Extreme heat kills more people than floods in many years, yet receives less attention. Cooling centres and shaded streets save lives.",
        ),
        Link(
            "https://climate-desk.example.org/water/glaciers-and-rivers",
            "Glaciers, Rivers and the Water We Depend On",
            "Climate Desk — by Anders Berg",
            "Faster melting raises flood risks now and threatens river flows later. Monitoring lakes that form behind ice is an urgent priority.",
        ),
        Link(
            "https://news.example.com/energy/rooftop-solar-boom",
            "The Rooftop Solar Boom",
            "The Harbour Times — by Waqar Hamid",
            "Falling prices and rising bills have put solar panels on hundreds of thousands of roofs. Utilities are rethinking how the grid works.",
        ),
        Link(
            "https://climate-desk.example.org/recovery/after-the-floods",
            "After the Floods: Rebuilding Schools",
            "Climate Desk — by Joyce Wanjiru",
            "Thousands of schools were damaged or destroyed. Communities that rebuilt on higher ground with stronger materials reopened fastest.",
        ),
    ],
    "education": [
        Link(
            "https://classroom-quarterly.example.net/teaching/beyond-rote",
            "Beyond Rote: Teaching for Understanding",
            "Classroom Quarterly — by Tahira Saleem",
            "Students who explained their answers aloud retained more than those who only memorised. Teachers needed training and time to change.",
        ),
        Link(
            "https://classroom-quarterly.example.net/policy/mother-tongue",
            "Mother Tongue First",
            "Classroom Quarterly — by Hamza Lone",
            "Children taught to read in their home language learned a second language faster later. Early lessons in an unfamiliar language held them back.",
        ),
        Link(
            "https://news.example.com/education/teacher-pay",
            "Why Good Teachers Leave",
            "The Harbour Times — by Fauzia Raza",
            "Low pay and heavy workloads push experienced teachers into other jobs. Schools that offered training and fair salaries kept their staff.",
        ),
        Link(
            "https://classroom-quarterly.example.net/libraries/school-libraries",
            "School Libraries Change Lives",
            "Classroom Quarterly — by Noreen Abbasi",
            "Students with access to a school library read more and scored higher. The effect was strongest for children from poorer homes.",
        ),
    ],
}

# --- Posts ---------------------------------------------------------------------------------------

POSTS = [
    PostText(
        "Under the Banyan Tree Again: Notes From Our Batch Reunion",
        "javed",
        "reunions",
        ("Reunions", "City Life"),
        "Eighty-three of us came back this year, which is more than came to our graduation. I had flown in from Houston two days early, pretending it was to help with the arrangements, but really to walk around the campus alone before the crowds arrived. The banyan tree is still there, wider than ever, with a new iron railing around it that nobody asked for. I sat on the bench beneath it for an hour, watching students who were born after our batch had already scattered across the world, and tried to remember what I had worried about at their age. I could not remember a single thing.",
        "Late in the evening, when the caterers had packed up and the last photographs had been taken, a few of us walked back to the banyan tree. Nobody said much. Somebody tried the old bench, found it wobbly, and sat on it anyway. I think we were all doing the same arithmetic: how many more of these evenings we would get, and how lucky we were to have this one.",
        picks=(0, 1, 6),
    ),
    PostText(
        "Thirty Years, One Staircase",
        "shirin",
        "reunions",
        ("Reunions", "Education"),
        "As an architect, I notice buildings before I notice people, which my classmates find either charming or rude depending on how long it takes me to say hello. So when I walked into the old block at our thirty-year reunion, the first thing I did was climb the main staircase and count the steps. There are still twenty-two, and the seventh still creaks. I have restored staircases in buildings far grander than our college, but none that held so many of my own footsteps. Then I turned around, and there were the people, and the building disappeared.",
        "Restorers have a saying that a building is finished only when nobody notices the repairs. By that measure, our class is a fine restoration: patched, reinforced and still standing, with a few creaks that we would not want fixed. I walked down those twenty-two steps at midnight, with friends on either side, and the seventh one creaked exactly on cue.",
        picks=(7, 2, 1),
    ),
    PostText(
        "How We Found Forty Lost Classmates in Six Weeks",
        "noor",
        "reunions",
        ("Reunions", "Technology"),
        "When the reunion committee first compiled our batch list, we had working contact details for barely half the class. Some had moved abroad, some had married and changed their names, and some had simply drifted out of every group we knew. I work in human resources, so finding people is in some sense my profession, and I volunteered before anyone could stop me. Six weeks, two spreadsheets and a great many polite messages later, we had found forty of them. Along the way I learned that the best search engine is still an old friend who says, *oh, her cousin lives next door to my aunt*.",
        "Some of the people we found did not want to come, and that was fine; a few had difficult memories of those years, and we respected that. But most were simply waiting to be asked. One classmate, found through a dentist's appointment list in Dubai, wrote back within minutes: *I thought you had all forgotten me.* We had not. We had only lost the address.\n\nIf you know someone from our years who has never heard of Sitara Circle, send them the link. Every name on the list matters.",
        picks=(3, 8, 9),
    ),
    PostText(
        "A Reunion by Video Call, From Nine Time Zones",
        "ayesha",
        "reunions",
        ("Reunions", "Technology", "Travel"),
        "I could not travel home for our batch reunion this year, and neither could about a third of our class. So we did what engineers do when they cannot be somewhere: we built a workaround. A laptop on a side table in the hall, a cheap webcam taped to a pillar and a shared link that we passed around for weeks. On the night, nine time zones joined. I sat in my Toronto kitchen at ten in the morning with a cup of tea, watching the evening unfold in a hall I had not seen in fifteen years, and I cried more than I had expected.",
        "At the end of the night, somebody carried the laptop around the hall so that those of us on the screen could say goodbye properly. I saw faces I had not seen in fifteen years, upside down and too close to the camera, shouting my name. It was clumsy and blurred and completely wonderful. Next time, I have promised myself, I will be in the room. But if I am not, I know there will be a table for me.",
        picks=(4, 11, 8),
    ),
    PostText(
        "The Empty Chairs at Our Silver Jubilee",
        "javed",
        "reunions",
        ("Reunions", "Health"),
        "At our silver jubilee dinner, the organisers left seven chairs empty at the front table, one for each classmate we had lost. Each chair held a single marigold and a small card with a name. Nobody had planned a speech about them, and in the end nobody needed to make one. People kept walking up to the table during the evening, standing there for a moment, and going back to their seats a little quieter. This post is for those seven, and for the families who came in their place.",
        "At the end of the evening, the families of the seven took the marigolds home. One mother told me that her son had talked about his college friends until the last month of his illness, and that she had come to see who they were. She stayed until midnight. When she left, she said that she understood him a little better now. I cannot think of a better reason for all of us to keep meeting.",
        picks=(5, 2, 11),
    ),
    PostText(
        "From Civil Engineering to Climate Finance at Forty-Two",
        "hassan",
        "careers",
        ("Careers", "Climate"),
        "For eighteen years I designed drainage systems, and I was good at it. Then three of the projects I had worked on were overwhelmed by floods within a single decade, each one a storm that the design standards said should come once in a century. I began to suspect that the most important decisions were being made long before an engineer opened a drawing: in the offices that decided which projects were funded, with what assumptions about the future. At forty-two, I went back to school to learn finance. My daughter, then twelve, helped me with the spreadsheets.",
        "Four years on, I spend my days reading project proposals rather than drawings, asking whether a bridge or a drain has been designed for the climate we will have rather than the one we had. It is less satisfying than watching concrete set, and far more useful. My daughter, now sixteen, has stopped helping with the spreadsheets. She says I finally understand them.",
        picks=(1, 0, 10),
    ),
    PostText(
        "What Nobody Told Me About My First Job in Dubai",
        "omar",
        "careers",
        ("Careers", "Travel"),
        "I landed in Dubai with two suitcases, a degree in civil engineering and the confidence of a twenty-three-year-old who had never been told no. Within a month, I had learned that the site engineer is responsible for everything and in charge of almost nothing, that summer concrete must be poured at night, and that the most important person on any project is the one who controls the cranes. Nobody teaches these things at college. I am writing them down now for the younger members who are about to make the same journey.",
        "Twenty-two years later, I am the person who controls the cranes, or at least the schedule for them, and I try to remember what it was like to be the new engineer on site at two in the morning, pouring concrete under floodlights and wondering whether I had made a terrible mistake. I had not. But nobody told me that either, so I am telling you.",
        picks=(5, 2, 3),
    ),
    PostText(
        "Starting Over: Requalifying as a Doctor in a New Country",
        "mehreen",
        "careers",
        ("Careers", "Health"),
        "When my husband's job took our family to England, I had been a consultant paediatrician for eight years. I arrived as, in the eyes of the regulator, nobody in particular. There were language tests I had no need of, clinical examinations on topics I had taught, and a long wait for a supervised post that paid less than my old registrar salary. It took me two and a half years to work as a doctor again. I am writing this so that the next person knows what to expect, and can start sooner.",
        "I now work as a consultant again, in a children's hospital where half the doctors trained somewhere else. We compare stories of examinations and paperwork the way soldiers compare scars. If you are a doctor considering the same move, write to me. I cannot make the process shorter, but I can make it less lonely, and I can tell you which forms to fill in first.",
        picks=(4, 1, 6),
    ),
    PostText(
        "Writing Well Is the Most Underrated Career Skill",
        "javed",
        "careers",
        ("Careers", "Books"),
        "I have hired more than a hundred engineers in my career, and I can tell you the single best predictor of who would be promoted within five years: the quality of their emails. Not their grades, not their university, not their technical brilliance. The engineers who could explain a problem in three clear sentences were trusted with bigger problems. Those who buried the point in the fourth paragraph, or never reached it at all, were passed over, often without anyone telling them why. It is an unfair rule, but it is a rule.",
        "So here is my unsolicited advice to every young engineer, doctor and accountant in our network: before you send anything important, read it aloud. Cut the first paragraph, which is almost always throat-clearing. Put the decision you need in the first sentence. Nobody will ever thank you for doing this, but they will start forwarding your emails, and that is how careers are made.",
        picks=(8, 5, 3),
    ),
    PostText(
        "Laid Off on a Tuesday, Hired by Spring",
        "marcus",
        "careers",
        ("Careers", "Technology"),
        "The meeting was scheduled for fifteen minutes and lasted eight. By lunchtime my laptop had been locked, my badge no longer opened the door, and I was standing in the snow outside an office I had worked in for six years, holding a cardboard box and feeling oddly calm. The calm lasted about a day. What followed was a winter of applications, rejections and a few surprisingly kind conversations. I found a new job in April. Here is what I learned, written for the next person in our network who gets that Tuesday meeting.",
        "The job I found in the end came from a former colleague who had seen my post announcing that I was looking. She remembered that I had once helped her with a difficult problem, years earlier, and mentioned my name to her manager. That is the whole secret, as far as I can tell. Be generous when you are employed, because one day you may not be.",
        picks=(7, 2, 10),
    ),
    PostText(
        "The Sitara Scholarship Fund: Our Report for the Year",
        "noor",
        "scholarships",
        ("Scholarships", "Education"),
        "Every year, the committee publishes a full account of the fund: what came in, what went out and whom it helped. This year the fund supported **forty-six students**, nineteen of them in their first year and twenty-seven continuing. Thirty-one are women. Donations came from three hundred and twelve alumni in twenty-two countries, and every one of them received a receipt and, we hope, a thank-you note. The full accounts are available to any member who asks; here I want to explain how the fund works, and why we believe it does.",
        "Next year we hope to support fifty-five students, and to begin a small emergency fund for scholars whose families face a sudden crisis during the year: an illness, a flood, a lost job. If you already give, thank you. If you have been meaning to start, a monthly gift of any size is the most useful thing you can do.\n\nWith gratitude to every donor, and to every student who trusted us with their story.",
        picks=(0, 4, 5),
    ),
    PostText(
        "A Letter From a First-Generation Student",
        "yusuf",
        "scholarships",
        ("Scholarships", "Education", "Mentoring"),
        "My father drives a rickshaw and my mother sews school uniforms for a shop in the bazaar. Neither of them finished school, and when I told them I had been admitted to Sitara College, my father asked how much it would cost and then went very quiet. A week later, a letter arrived from the scholarship committee. I still have it, folded into the back of my passport. I am now a graduate student in Istanbul, working on materials for cheaper solar cells, and I wanted to write, in public, to the people who made that possible without ever meeting me.",
        "When I finish my degree, I intend to come back and teach, at least for a few years, and I have already started giving to the fund, in very small amounts for now. My father still drives his rickshaw, though fewer hours. He keeps a photograph of my graduation on the dashboard and shows it to his passengers whether they ask or not. Thank you, all of you, for that photograph.",
        picks=(2, 6, 8),
    ),
    PostText(
        "Why We Fund Hostel Fees, Not Just Tuition",
        "javed",
        "scholarships",
        ("Scholarships", "Education"),
        "Every few months, a donor asks me a reasonable question: wouldn't the fund help more students if it paid only tuition and let families cover the rest? On paper, the answer is yes. We could nearly double the number of scholarships. In practice, we tried something close to it in the fund's early years, and we watched students with full tuition scholarships drop out in their second semester because they could not afford a bed in the hostel or the bus fare from home. A scholarship that ends in a dropout helps nobody. Here is how we arrived at the policy we have now.",
        "The result is that we support fewer students than we could, and almost all of them graduate. Last year, forty-four of our forty-six scholars completed the year; the two who did not left for reasons that no money could have fixed. I would rather tell donors that number than a larger one that hides a row of empty hostel beds.",
        picks=(6, 7, 1),
    ),
    PostText(
        "Daughters First: Scholarships for Girls From Small Towns",
        "fatima",
        "scholarships",
        ("Scholarships", "Education"),
        "I was the first girl from my mohalla to go to college in the city. My father was proud and terrified in equal measure, and my grandmother did not speak to him for a month. Twenty years later, I run a school, and every year I watch bright girls in my final classes make the same calculation my family made: whether the risk, the cost and the gossip are worth it. The fund now reserves a share of its places for girls from small towns, and I want to explain why that matters so much to me.",
        "Last year, one of my own former students received a Sitara scholarship. Her father came to my office before she left and asked me, very quietly, whether she would be safe. I told him about the hostel, about the women alumni who would check on her, and about myself at her age. He nodded, shook my hand, and drove her to the city the next morning. She has just finished her first year with the highest marks in her class.",
        picks=(7, 3, 8),
    ),
    PostText(
        "Endowment or Spend It Now? The Debate We Keep Having",
        "hassan",
        "scholarships",
        ("Scholarships", "Careers"),
        "As treasurer of the fund, I am regularly accused by one half of the committee of hoarding money and by the other half of spending it recklessly. This is, I think, a sign that the balance is roughly right. But the question behind the argument is a serious one, and it deserves to be set out in public rather than settled over tea after the annual meeting. Should an alumni fund try to exist forever, or should it spend everything it has on the students in front of it today?",
        "My own view, for what a treasurer's view is worth, is that the split is right for now, and that we should revisit it every five years rather than every annual meeting. The students in front of us cannot wait, and the students of twenty years from now deserve a fund that still exists. Both groups are our responsibility. Please come to the meeting and tell me I am wrong; it is the best-attended part of the year.",
        picks=(9, 4, 0),
    ),
    PostText(
        "The Computer Lab That Had One Printer and Forty Students",
        "javed",
        "technology",
        ("Technology", "Education"),
        "The lab opened in my second year, and the college treated it like a treasury. You signed a register to enter, removed your shoes at the door to keep out dust, and were allotted forty-five minutes on a machine with a green screen and a keyboard that clacked like a typewriter. The single printer had a queue that went round the room and sometimes into the next day. I wrote my first program there: it printed my name in a loop until the lab assistant made me stop. I have been writing programs ever since, and none has given me quite the same thrill.",
        "The lab has since been rebuilt three times. On my last visit, it had sixty machines, fast internet and a printer that nobody queued for because everyone submits their work online. The students were polite about my stories of green screens and floppy disks, in the way one is polite to a grandparent. But when I mentioned that I wrote my first program there, one of them asked what it did, and for a moment we were the same age.",
        picks=(0, 6, 4),
    ),
    PostText(
        "My Mother Pays the Milkman by Phone Now",
        "javed",
        "technology",
        ("Technology", "City Life"),
        'When I visited home last winter, my mother, who is seventy-eight and refused a mobile phone for a decade, handed the milkman a phone with a code on its screen and said, "Scan it, beta, I don\'t keep cash in the house anymore." The milkman scanned it. I stood in the doorway with my mouth open. For years, I had tried to teach her online banking, with little success. In the end it was not me who convinced her. It was the milkman, the vegetable seller and the man at the pharmacy, all of whom had quietly gone digital.',
        "The change has its worries too. Scams arrive by the same phone, shopkeepers without smartphones are left behind, and my mother's friends who cannot read the screens depend on their grandchildren. But when I watch her settle a month's accounts with the milkman in a minute, without arguing over coins, I think the neighbourhood has mostly got this one right, and it did it without waiting for me.",
        picks=(1, 7, 5),
    ),
    PostText(
        "Use the AI Tools, Then Check Their Homework",
        "priya",
        "technology",
        ("Technology", "Science"),
        "I build machine learning systems for a living, so friends often ask whether they should trust the new AI assistants. My honest answer annoys everyone: *yes, and no, and it depends what for.* Last month an assistant saved me a whole afternoon by drafting a data-cleaning script. The same week, a different one invented two research papers, complete with plausible authors and page numbers, in answer to a question about rainfall statistics. Both experiences are typical. Here is how I think about using these tools without being fooled by them.",
        "My rule of thumb is simple. Use these tools for drafts, for summaries of material you will read yourself and for code you are able to test. Do not use them for facts you cannot check, for advice you will act on without thinking, or for anything you would be ashamed to explain to a colleague. They will keep getting better. Our judgement needs to keep up.",
        picks=(2, 9, 6),
    ),
    PostText(
        "A Security Checklist for Your Parents' Phones",
        "marcus",
        "technology",
        ("Technology", "Education"),
        "I work in computer security, which means that at family gatherings I am the person everyone hands their phone to. My mother-in-law's phone, on my last visit, had forty-one unread messages claiming to be from her bank, three apps she did not remember installing and a password written on the back of the case in permanent marker. None of this is her fault. Our parents were handed powerful devices with no manual, and the scammers noticed before we did. Here is the checklist I now go through with every relative who will let me.",
        "The whole exercise takes about an hour per phone, plus the tea that any visit to a relative involves. It is the most useful hour I spend on any trip home. My mother-in-law's phone now has a password manager, two-step verification and a case without a password written on it. She also has a code word, which she refuses to tell me, on the grounds that I might be a scammer.",
        picks=(3, 7, 10),
    ),
    PostText(
        "Typing in Urdu Should Not Be This Hard",
        "javed",
        "technology",
        ("Technology", "Books"),
        "Last month I tried to write a short note to an old teacher in Urdu, on my laptop. It took me forty minutes. The keyboard layout was unfamiliar, the font turned graceful Nastaliq into something that looked like a ransom note, and when I added a date in English numerals the whole sentence rearranged itself in ways I could not follow. I gave up and wrote it by hand. That I, an engineer, gave up says something about the state of our tools, and about what they assume of the people who use them.",
        "There is good news: volunteers and a few companies are building better fonts, keyboards and spell-checkers, and some of them are members of this network. If you know a developer who reads and writes Urdu, point them towards these projects. And if you are a teacher, let your students write in their own script on the computer, even when it is slow. Tools improve when people use them and complain.",
        picks=(8, 5, 7),
    ),
    PostText(
        "What Open Source Taught Me About Working in Public",
        "ayesha",
        "technology",
        ("Technology", "Careers"),
        "Eight years ago, I fixed a typo in the documentation of a library I used at work. It was a single character. The maintainer thanked me, merged it within an hour and asked if I would like to look at a small bug next. I did. Today I help maintain that library and one other, used by thousands of companies, and most of my career has followed from that one-character fix. I want to encourage younger members to try the same thing, and to be honest about what working in public is like.",
        "Working in public is not always comfortable. Strangers criticise your code, sometimes rudely, and mistakes stay visible forever. But it has given me colleagues in twenty countries, a reputation I could never have built inside one company, and the satisfaction of knowing that something I wrote is quietly running in places I will never see. Start with a typo. It worked for me.",
        picks=(4, 6, 0),
    ),
    PostText(
        "Our First Office Was a Spare Bedroom in Gulshan",
        "kabir",
        "startups",
        ("Startups", "Technology"),
        "My co-founder's mother gave us her spare bedroom on one condition: that we moved the sewing machine carefully and brought it back out every Thursday, when she did her week's stitching. For eleven months, our logistics company ran from a room with a single window, two borrowed desks and a sewing machine that migrated in and out. We signed our first hundred customers there. When we finally moved into a real office, she sent lunch for the whole team on the first day, and I think of that room every time someone calls us an overnight success.",
        "We have sixty employees now, and an office with a proper kitchen. But every new hire still hears the story of the sewing machine, partly as a joke and partly as a reminder. The company was built on somebody's kindness before it was built on anybody's business plan. We try to remember that when we are deciding how to treat people.",
        picks=(0, 6, 8),
    ),
    PostText(
        "Raising Money in a Funding Winter",
        "kabir",
        "startups",
        ("Startups", "Careers"),
        'We started raising our second round just as the market turned. Meetings that would have ended with a term sheet a year earlier now ended with "come back when you\'re profitable." One investor cancelled on the morning of a meeting I had flown twelve hours for. It took us nine months, three times as long as planned, and we closed the round at a lower valuation than we had hoped. But we closed it, and the company is healthier for what the winter forced us to learn. Here is what I would tell a founder starting to raise today.',
        "The round we raised in the winter was smaller than the one we wanted, and it came with harder questions. But every investor who joined us then had seen the company at its least glamorous and believed in it anyway. When the next difficult quarter comes, and it will, those are the people I want in the room.",
        picks=(1, 2, 7),
    ),
    PostText(
        "Why Diaspora Angels Should Invest Back Home",
        "javed",
        "startups",
        ("Startups", "Careers"),
        "A few years ago, six of us from the class of 1991 started putting small amounts of money into startups founded by younger alumni. None of us is rich, and none of us would call ourselves investors without laughing. We meet once a month by video call, one of us studies each company in detail, and we write cheques that would barely cover a used car. Two of our companies have failed, one has done very well, and the rest are still finding out. I want to argue that more of us abroad should do something similar.",
        "If you are thinking of doing the same, start small, invest with friends who will do the homework with you, and never put in money you would miss. Expect to lose most of it. What you will gain, if you are lucky, is a front-row seat to the most interesting work being done back home, and a chance to be useful to young founders who remind you of yourself.",
        picks=(7, 3, 5),
    ),
    PostText(
        "Three Startups That Failed and What They Left Behind",
        "javed",
        "startups",
        ("Startups", "Careers"),
        "In our network there are at least three founders whose companies closed in the last five years: a school-bus tracking app, an online marketplace for handmade furniture and a clinic booking service that was, in hindsight, ahead of its time. I asked all three whether I could write about them. All three agreed, on the condition that I wrote about what the companies left behind, not only about why they failed. That seemed fair to me, and more interesting.",
        "Between them, the three companies trained more than a hundred people, several of whom now run businesses of their own. The furniture marketplace left behind a network of carpenters who now sell online on their own. The school-bus app's code was donated to a city transport project. And all three founders are building again. That is not failure as I understand the word.",
        picks=(4, 5, 1),
    ),
    PostText(
        "The Spectrometer Nobody Was Allowed to Touch",
        "lena",
        "science",
        ("Science", "Education"),
        'When I arrived at Sitara College as a visiting lecturer, the head of department showed me the physics laboratory with great pride and then stopped in front of a glass cabinet. Inside was a spectrometer older than both of us, polished and perfect. "We do not use it," he said. "It is too valuable." I spent my first term persuading him otherwise. By the end of the year, every student in my optics class had measured the spectrum of a sodium lamp with it, and not one of them broke anything. That cabinet taught me more about teaching science than any conference I have attended.',
        "When I left at the end of my contract, the head of department gave me a farewell gift: a photograph of that spectrometer, out of its cabinet, surrounded by students. On the back he had written, in careful English, that it had been used more in three years than in the previous thirty. I keep it on my desk in Heidelberg, and I look at it whenever I am tempted to protect something from the people it was made for.",
        picks=(0, 3, 2),
    ),
    PostText(
        "Small Satellites, Big Classrooms",
        "javed",
        "science",
        ("Science", "Technology", "Education"),
        "A young engineer in our network, class of 2015, sent me a photograph last month: a small metal cube on a lab bench, wrapped in wires, with a handwritten label that read *flight model — do not drop*. She and her university team had built it, and it was due to be launched later in the year. I have been thinking ever since about what that photograph says about how science education is changing, and about how far it is from the glass cabinets of our old physics laboratory.",
        "Her satellite launched in the end, and it worked for four months before its batteries failed, which she assures me is a success by the standards of student satellites. The data it sent back was modest. The engineers it produced are not: three of her teammates have already been hired by space agencies and companies abroad. I hope some of them come home, and I hope there will be laboratories waiting for them when they do.",
        picks=(1, 10, 5),
    ),
    PostText(
        "Stargazing on the College Roof",
        "javed",
        "science",
        ("Science", "City Life"),
        "On the last Friday of every month, the college astronomy club carries an old telescope up four flights of stairs and sets it up on the roof of the science block. I went along during my last visit, expecting a handful of enthusiasts. There were nearly a hundred people: students, their younger siblings, a few teachers and a security guard who, it turned out, knew the constellations better than anyone. The city's lights make it hard to see much beyond the moon and the planets, but when Saturn came into focus, the whole roof went silent.",
        "After Saturn, the security guard took over. He pointed out the constellations one by one, with their names in Urdu and the stories his grandfather had told him about each of them, and the students put away their phones to listen. I have been to planetariums on three continents, and none of them held an audience like that rooftop did. The club needs a new telescope; I have started a collection.",
        picks=(6, 10, 7),
    ),
    PostText(
        "Women in the Lab: Then and Now",
        "mehreen",
        "science",
        ("Science", "Education", "Health"),
        "In my pre-medical year, our biology teacher began the first class by telling the six girls in the room that most of us would be married before our final examinations and that he hoped we would not waste the boys' time. He meant it kindly, I think, in the way such things were meant then. Five of those six girls became doctors or scientists. I recently visited the college laboratory where that class took place, and more than half of the students at the benches were young women. Some things have changed completely; others, I discovered, have not.",
        "What has not changed is the loneliness at the top. The young women at those benches will become doctors and scientists in large numbers, as we did. Far fewer of them will lead departments or run laboratories, unless the institutions change faster than they did for us. So I tell every young woman I mentor the same thing: get in, and then keep climbing, and when you get there, pull the next one up.",
        picks=(4, 7, 8),
    ),
    PostText(
        "Counting Birds Along the Canal",
        "daniel",
        "science",
        ("Science", "Climate"),
        "When I lived in the college's guest quarters during my research exchange, I started walking along the canal every morning before work. Out of habit, I began writing down the birds I saw: kingfishers, egrets, a pair of cormorants who seemed to follow me, and flocks of migrating ducks in the winter. Two years later, I had a notebook full of records and a suspicion that the timing of the migrations was shifting. I was not doing research; I was taking a walk. But that notebook has since been added to a regional bird database, and it turned out to be useful.",
        "The lesson I take from this is that careful attention to ordinary things can become science, if it is recorded honestly and shared. The canal is still there, though its banks have been paved in places, and I am told the kingfishers still come. If any current students walk there in the mornings, please take a notebook. Somebody will need your records one day.",
        picks=(9, 2, 6),
    ),
    PostText(
        "The Matting Wicket Behind Chenab Hall",
        "irfan",
        "cricket",
        ("Cricket", "Reunions"),
        "I captained the college eleven in my final year, and I have coached cricket for twenty years since, but I have never played on a pitch I loved as much as the matting wicket behind Chenab Hall. The mat was older than most of the players, patched in three places, and the groundsman had to nail it down again after every match. It gave the spinners extra bounce and the batters extra excuses. When I went back last year, it had been replaced by a proper turf wicket, and I walked out to where the mat used to lie and stood there like a fool.",
        "The old mat, I learned, was not thrown away. The groundsman's son, who now looks after the ground himself, rolled it up and stored it in the pavilion, and he unrolled a corner of it for me. It still smelled of dust and linseed oil. I touched it the way some people touch a holy relic. My students think I am sentimental. They are right, and I hope they will be too one day, about something.",
        picks=(0, 10, 4),
    ),
    PostText(
        "Setting an Alarm for 3 a.m. to Watch a Test Match",
        "arjun",
        "cricket",
        ("Cricket", "Travel"),
        "My wife says she married a reasonable man who became unreasonable only during cricket tours. This is slander: I am unreasonable all year. But there is something special about the discipline of watching a Test match from New Jersey, where the first ball is bowled at an hour when the only other people awake are nurses, bakers and the neighbour's dog. You learn to make coffee silently, to celebrate a wicket without a sound and to explain to your manager why you look like that on a Tuesday.",
        "My son, who is nine, has started setting his own alarm. His mother disapproves, but I notice that she is usually awake too, pretending to read. We sit on the sofa under one blanket, the three of us, watching men in white on a sunny field on the other side of the world. Whatever the result, these are the mornings I expect to remember.",
        picks=(2, 7, 8),
    ),
    PostText(
        "Tape-Ball Summers",
        "javed",
        "cricket",
        ("Cricket", "City Life"),
        "Before I ever held a proper cricket bat, I had played a thousand matches in the lane behind our house. The stumps were a stack of bricks, the boundary was the neighbour's gate, and the ball was a tennis ball wrapped so tightly in electrical tape that it swung like a professional's. Our fast bowler was a boy called Jamshed, who could not have been older than twelve and who terrified grown men. I do not know where Jamshed is now. I hope someone in this network does.",
        "Street cricket is harder to find now. The lanes are full of parked cars, and children play in academies with proper nets and coaches. That is mostly good news: more of them will learn the game properly. But I hope they still find an empty lane now and then, a tennis ball and some tape, and a bowler like Jamshed to be terrified of.",
        picks=(1, 8, 3),
    ),
    PostText(
        "Picking the All-Time Sitara XI (Arguments Welcome)",
        "arjun",
        "cricket",
        ("Cricket", "Reunions"),
        "At the last reunion, I made the mistake of saying, loudly and in front of witnesses, that it should be easy to pick the best eleven cricketers ever to play for the college. Three hours and one ruined dinner later, I had learned my lesson. I am an honorary alumnus, married into the family, and I am told that this gives me a neutrality that nobody else has. I doubt it. But I have gathered the nominations from the group chat, and I present them here for the network's judgement.",
        "My final eleven, offered with great humility and fear for my safety: two openers from the eighties, a middle order spanning three decades, a wicketkeeper who never stopped talking, two spinners who learned their craft on the matting wicket and two fast bowlers who once bowled at each other in a hostel corridor. I have left out at least nine people's brothers.\n\nLeave your own eleven in the comments. Please be kind to the wicketkeepers.",
        picks=(6, 9, 3),
    ),
    PostText(
        "Our Daughters Play Cricket Now",
        "irfan",
        "cricket",
        ("Cricket", "Education"),
        "When I started coaching, the academy had forty boys and no girls, and when a father asked whether his daughter could join, the committee laughed. Today, a third of my students are girls, and the best young fast bowler I have coached in twenty years is a fifteen-year-old from a village outside the city who bowls in a headscarf and trainers two sizes too large. Her father brings her to every practice on his motorbike and waits under a tree for three hours. I want to write about them, and about how quickly the game has changed.",
        "Last month, the fifteen-year-old took five wickets against a team of boys two years older than her. Her father did not cheer; he simply stood up from under his tree and stayed standing until the match ended. Afterwards, I asked him how he felt. He said he had played cricket himself as a boy and was never much good. *She is much better than me*, he said, and he could not stop smiling.",
        picks=(5, 11, 4),
    ),
    PostText(
        "Load-Shedding Evenings and the Art of Conversation",
        "hina",
        "city",
        ("City Life", "Climate"),
        "My children have grown up with an inverter, a generator and, lately, solar panels, so they have never really known a power cut. When I told them that we used to spend whole summer evenings in the dark, they looked at me with pity. But I remember those evenings with something close to fondness: my father's stories, my uncle's terrible jokes, and the neighbour's radio playing old film songs across the rooftops. We complained constantly. We also talked more than we ever have since.",
        "Last month, during a rare long power cut, I did not switch on the inverter. My children complained, then sulked, then came to sit on the roof with me. I told them my father's stories, badly. They laughed at the wrong places and asked questions I could not answer. It was hot and uncomfortable and one of the best evenings we have had in a year.",
        picks=(1, 10, 4),
    ),
    PostText(
        "Monsoon Diary: Wading to Work",
        "hina",
        "city",
        ("City Life", "Climate"),
        "On the first morning of real rain this year, I left home in my office clothes and arrived with my trousers rolled to the knee, my shoes in a plastic bag and my files wrapped in my dupatta. The road outside our ministry had become a canal, and a boy with a wooden cart was ferrying civil servants across it for twenty rupees each. I paid him forty and gave him my thanks. As someone who works on the city's planning, I spent the rest of the day thinking about drains, and about why we are still surprised by rain every single year.",
        "The solutions are well known and unglamorous: clear the drains before the rains, stop building on the natural channels that water needs, and plan for storms larger than the ones we remember. I have sat in many meetings where these were agreed. Every year, the rain arrives to tell us whether we meant it. This year, the boy with the cart made more money than our department's budget for drain clearance.",
        picks=(2, 11, 0),
    ),
    PostText(
        "Sunday at the Old Book Market",
        "samina",
        "city",
        ("City Life", "Books"),
        "Every Sunday for twenty years, I have taken the same bus to the old book market, with a cloth bag and a budget I always exceed. The stalls open at eight, and by nine the best books are gone, bought by retired professors and young students who know exactly what they are looking for. I am neither. I go to be surprised. Last month I found a book of Urdu poems with a dedication written inside by a husband to his wife in 1961, and I have been wondering about them ever since.",
        "I bought that book of poems, of course. The dedication says only: *For my wife, on our first anniversary, with apologies for the late train.* I have read the poems many times since, but I think more about the apology. Somebody, sixty years ago, missed a train and bought a book to make up for it, and now it sits on my shelf. That is what the book market sells, really: other people's stories, at very reasonable prices.",
        picks=(3, 5, 9),
    ),
    PostText(
        "Where to Drink Chai at Midnight",
        "rashid",
        "city",
        ("City Life", "Food"),
        "Running restaurants means I finish work when most people are asleep, and for thirty years my evenings have ended at one tea stall or another. I have become something of a connoisseur, though I would never say so to the stall owners, who would raise their prices. The best midnight chai in the city is not in any guidebook and never will be. It is made in a dented pan by a man who has been boiling tea in the same spot since before I was born, and who refuses to tell me what he puts in it.",
        "I will not name the stall, because it would be crowded within a week and its owner would never forgive me. But if you are in the city late at night and you see a dented pan on a gas ring, a few plastic stools and a crowd that does not want to go home, sit down. Order a cup, say nothing for a while and listen. You will learn more about the city in an hour than from any newspaper.",
        picks=(4, 9, 0),
    ),
    PostText(
        "The New Bus Line Changed My Commute",
        "javed",
        "city",
        ("City Life", "Climate"),
        "On my last visit home, my niece insisted that I take the new bus line to visit the college instead of hiring a car. I resisted; I remembered the old minibuses, packed to the roof, with conductors hanging from the door. She laughed at me. The bus came on time, the air conditioning worked, women sat in their own section without anyone bothering them, and the journey took twenty-five minutes instead of the hour it used to. I arrived feeling foolish and oddly moved.",
        "Progress in our cities is often slower than we want, and we are quick to notice what has gone wrong. So I want to record something that went right. A bus line is not a grand achievement. It is just buses, running on time, on a road set aside for them. But for a woman who can now reach her job without asking anyone's permission, it is freedom.",
        picks=(6, 7, 8),
    ),
    PostText(
        "The Canteen Samosa: A Short Biography",
        "rashid",
        "food",
        ("Food", "Reunions"),
        "I have run restaurants for thirty years, and I have spent an embarrassing amount of that time trying to recreate the canteen samosa of Sitara College. I have interviewed former canteen staff, consulted the family of the original cook and experimented with potatoes from four different provinces. I have come close, but never quite there. My conclusion, after all this effort, is that the missing ingredient is being nineteen, hungry and late for a chemistry practical, and that no restaurant can supply it.",
        "So I have stopped trying to recreate it. Instead, I have put a canteen-style samosa on the menu at all three restaurants, served in a square of paper, at a price that any student can afford. It is not the same, and I tell customers so. But every week, someone in their fifties orders one, takes a bite and goes quiet for a moment, and I know exactly where they have gone.",
        picks=(0, 7, 8),
    ),
    PostText(
        "Cooking My Mother's Daal in a Toronto Winter",
        "ayesha",
        "food",
        ("Food", "Travel"),
        "It was minus twenty-two outside, the kind of cold that makes your eyelashes freeze, and I was homesick in a way I had not been for years. So I did what I always do: I called my mother and asked her how to make her daal. She was at a wedding, and the line was full of music and laughter, but she shouted the recipe to me anyway, between greetings to relatives. I wrote it on the back of an envelope. It did not taste like hers, but it tasted like home, which on a night like that was enough.",
        "When I told my mother, the next day, that her recipe had worked, she asked whether I had added the garlic at the end or at the beginning. I said at the beginning. There was a long pause on the line. *That is why it did not taste like mine*, she said, and we both laughed. I made it again the following week, with the garlic at the end. She was right.",
        picks=(1, 3, 6),
    ),
    PostText(
        "The Biryani Argument That Never Ends",
        "rashid",
        "food",
        ("Food", "City Life"),
        "A customer once sent back a plate of biryani at one of my restaurants with a note for the chef: *where are the potatoes?* The next day, a different customer sent back the same dish with a different note: *why are there potatoes?* My chef, who has cooked biryani for thirty years, framed both notes and hung them in the kitchen. They are the best summary I know of the most passionate and least resolvable argument in our food culture.",
        "My own view, after thirty years of feeding people, is that the argument is the point. Every family's biryani carries a grandmother's opinions, a city's history and a cook's pride, and none of these are negotiable. So we serve it both ways in my restaurants, with potatoes and without, and we let the customers fight about it. The notes on the kitchen wall are our best review.",
        picks=(2, 6, 5),
    ),
    PostText(
        "Iftar Tables Around the World",
        "omar",
        "food",
        ("Food", "Travel"),
        "This Ramadan, I asked members of our network to send me a photograph of their iftar table, wherever they were. I expected a dozen replies. I received more than a hundred, from twenty-three countries: a long table in a Dubai labour camp, a small plate of dates on a hospital desk in Manchester, a community hall in Melbourne, a family courtyard in Multan. I spent evenings looking at them. What struck me was not how different the food was, but how similar the faces were in those last minutes before sunset.",
        "I have collected the photographs into an album that any member can see, and I plan to do it again next year. If you sent one, thank you. If you did not, please do next time, whether your table is large or small, whether you fast or simply join friends who do. The album is not really about food. It is a record of all of us, at the same hour, waiting together.",
        picks=(4, 1, 8),
    ),
    PostText(
        "Driving North: Six Days on the Mountain Roads",
        "tahir",
        "travel",
        ("Travel", "Climate"),
        "As a geologist, I have driven the road north dozens of times for work, usually with a truck full of equipment and a schedule that leaves no time for the view. This summer, for the first time, I drove it for pleasure, with my wife, our two sons and a car that was not designed for mountain roads. We took six days for a journey that I usually do in two. I want to write about what I saw when I finally looked out of the window, and what the rocks told me about the future of those valleys.",
        "The rocks along that road tell a story of enormous forces: continents colliding, mountains rising, rivers carving through them over millions of years. The story they tell now is faster and more worrying, of glaciers retreating and slopes loosened by heavier rain. My sons were more interested in the waterfalls. But I hope that one day, when they drive that road with their own children, the valleys will still be there to see.",
        picks=(0, 7, 8),
    ),
    PostText(
        "The Coast Nobody Visits",
        "tahir",
        "travel",
        ("Travel", "Climate"),
        "Most people in our country have seen photographs of the northern mountains; far fewer have seen the southwestern coast, and I think that is a pity. I spent three weeks there last winter, mapping rock formations along the shore, and in the evenings I sat on cliffs that looked like ruined castles, watching fishing boats return with the day's catch. It is one of the most extraordinary landscapes I know, and one of the least visited. Here is why you should go, and how to go well.",
        "If you go, go slowly. Hire a local driver who knows the tides, stay in the small guesthouses run by fishing families and eat whatever was caught that morning. Take nothing but photographs, and bring back your rubbish. The coast has survived wind and sea for millions of years. It deserves visitors who leave it as they found it.",
        picks=(4, 2, 8),
    ),
    PostText(
        "A Guide to Surviving Long Layovers",
        "hassan",
        "travel",
        ("Travel", "Careers"),
        "Between London, where I live, and Karachi, where my parents live, there is no direct flight that suits my budget, so over the last decade I have spent something like three hundred hours in transit airports. I have slept on benches in Istanbul, eaten breakfast at four in the morning in Doha and once spent an entire day in Muscat because of a missed connection. I have become, without meaning to, an expert in layovers. Here is what I have learned.",
        "My best layover was the one I spent in Muscat by accident. A kind stranger at the airport recommended a fish restaurant by the harbour, I took a taxi there, and I ate the best grilled fish of my life while watching the dhows come in. I almost missed my rescheduled flight. I have never regretted it. Sometimes the journey between two homes is worth a detour.",
        picks=(5, 1, 3),
    ),
    PostText(
        "Visiting Classmates on Three Continents",
        "javed",
        "travel",
        ("Travel", "Reunions"),
        "When I retired from full-time work, my wife and I made a plan that our children considered either romantic or mad: we would spend six months visiting classmates, staying with as many of them as would have us. We began in Vancouver and ended in Nairobi, with stops in Chicago, London, Istanbul and Dubai. We slept in spare rooms, on sofas and once on a houseboat. We ate better than in any hotel, and we heard more stories than I could possibly write down. Here are a few of them.",
        "What struck me most was how similar our lives have become, wherever we ended up: the same worries about children and ageing parents, the same arguments about cricket, the same longing for the food of our student years. By the end of the six months, my wife said she felt she had attended one long reunion, spread across the world. I could not have described it better.",
        picks=(6, 7, 5),
    ),
    PostText(
        "What I Learned From Twenty Mentees",
        "noor",
        "mentoring",
        ("Mentoring", "Careers"),
        "I have been a mentor in the Sitara programme since it began, and this year I counted: twenty mentees, each for at least a year. They have become engineers, teachers, doctors, a journalist and one professional chess player, which I had nothing to do with. I expected to teach them about careers, because careers are my profession. Instead, they taught me about patience, about how the world looks to someone starting out now, and about how little of my own advice I follow.",
        "If you have been thinking about becoming a mentor, please do. You do not need to be senior, famous or wise; you need to be a year or two further along a road that someone else is starting on, and willing to give an hour a month. The programme will match you with someone. What happens after that is up to both of you, and it is usually better than either of you expected.",
        picks=(1, 8, 4),
    ),
    PostText(
        "Reverse Mentoring: My Mentee Taught Me Video Editing",
        "javed",
        "mentoring",
        ("Mentoring", "Technology"),
        "My mentee this year is a second-year computer science student who asked, in our first meeting, why my column was only available as text. I explained that I was a writer, not a filmmaker. She said that most people her age would never read a column, but they would watch two minutes of someone explaining an idea clearly. Then she offered to teach me how to make those two minutes. Three months later, I have a small, surprised audience, and I have rethought what mentoring means.",
        "I still write my column; my mentee says the videos are a way in, not a replacement. But I have learned something important from her about the people I want to reach. They are not less curious than my generation; they simply arrive by different doors. Mentoring, I now think, is less about handing down wisdom than about two people showing each other the doors they know.",
        picks=(3, 0, 8),
    ),
    PostText(
        "A Thirty-Minute Call Across Twelve Time Zones",
        "priya",
        "mentoring",
        ("Mentoring", "Careers"),
        "My mentee lives in Karachi and I live in Singapore, which sounds manageable until you add her evening classes, my early meetings and the fact that she is saving money by using the college's internet, which works best at dawn. For a year, we met at six in the morning her time, for thirty minutes, once a month. Not once did we run over. It was the most productive mentoring relationship I have had, and I think the constraints had a lot to do with it.",
        "My mentee has now graduated and works as a data analyst in Karachi. We still talk, less regularly, and she has started mentoring a first-year student herself, at six in the morning, for thirty minutes, once a month. She told me that she had kept the format because it worked. I have never been prouder of a scheduling decision.",
        picks=(5, 2, 4),
    ),
    PostText(
        "Mentoring Women Engineers Into Leadership",
        "ayesha",
        "mentoring",
        ("Mentoring", "Careers", "Technology"),
        "Five years ago, I started a small monthly circle for women engineers in our network. The first meeting had four people, one of whom had come by mistake. Today, the circle has more than sixty members in eleven countries, and we have watched several of them become team leads, engineering managers and, in one case, a chief technology officer. I want to share what we have learned about getting women not just into engineering but into the rooms where engineering decisions are made.",
        "The circle has a simple rule: every member who is promoted must bring one new member to the next meeting. It has made us grow faster than any recruitment campaign could. If you are a woman engineer in our network, at any stage of your career, you are welcome to join us. If you are a man who manages women engineers, please read this post twice, and then ask them what they need.",
        picks=(6, 1, 7),
    ),
    PostText(
        "Fifty Degrees in the Shade",
        "zainab",
        "climate",
        ("Climate", "Health"),
        "I study heat for a living, so I know the numbers well. But this summer I visited my parents in Jacobabad during a heatwave, and the numbers became something else. At three in the afternoon, the thermometer on my father's veranda read fifty degrees. The street was empty except for a man selling ice from a cart, wrapped in wet cloth. My mother's plants had died despite watering twice a day. I spent a week there, and I came back to Melbourne with a different understanding of what my own research is about.",
        "My father has started sleeping on the roof again, as he did as a boy, because the house no longer cools down at night. My mother waters her plants at dawn and covers them with old sheets by noon. These are small adaptations by people who should not have to make them. The research I do in Melbourne is about numbers on a map. I will never again forget that each number is a veranda like theirs.",
        picks=(0, 2, 3),
    ),
    PostText(
        "After the Floods, the Schools",
        "daniel",
        "climate",
        ("Climate", "Education"),
        "I work on flood early-warning systems, which means that my job is, in a sense, to be right about disasters before they happen. After the great floods, I joined a team surveying damaged schools in the southern districts. We visited more than sixty. In some, the water had reached the ceiling; in others, only the ground floor was destroyed, but the children had not returned because the roads had gone. The early warnings had saved many lives. They had not saved the schools, and I want to write about what could.",
        "The schools that reopened fastest had three things in common: they had been built on higher ground, with concrete rather than mud walls, and they had a teacher or parent who took charge of the repairs before any official arrived. Two of them were supported by members of this network. Rebuilding all the others will take years, and it will only happen if people outside the flooded districts keep paying attention after the water goes down.",
        picks=(1, 6, 8),
    ),
    PostText(
        "Rooftop Solar on My Father's House",
        "javed",
        "climate",
        ("Climate", "Technology"),
        "My father has lived in the same house for fifty-three years, and for most of those years he has argued with the electricity company. Last spring, to end the argument, we put eighteen solar panels on his roof. He was sceptical, then curious, and now he checks the production figures on his phone every evening, reporting them to me in Houston as if they were cricket scores. His bill has fallen by most of what it was. His opinion of the electricity company has not improved, but he no longer needs to call them.",
        "The panels cost about as much as a small used car and will pay for themselves in roughly four years. More important to my father, the lights stay on during power cuts, and the ceiling fan keeps turning on summer afternoons. His neighbours have started to ask about it. Two of them have already ordered their own. Change in our neighbourhoods rarely arrives by policy; it arrives over the garden wall.",
        picks=(5, 0, 3),
    ),
    PostText(
        "The Glaciers Are Our Water Tank",
        "zainab",
        "climate",
        ("Climate", "Science"),
        "For my doctoral research, I spent three summers on a glacier in the far north, measuring how quickly it was retreating. We lived in tents at four thousand metres, ate lentils every night and walked out across the ice each morning with our instruments. In three years, the glacier's snout moved back by the length of two cricket fields. I want to explain, as simply as I can, why that matters to people who will never see a glacier, including everyone who has ever drunk a glass of water in the plains.",
        "I will go back next summer to measure the glacier again. I expect it to be smaller. What I hope to find, too, is more people paying attention: scientists monitoring the lakes, villages with warning systems, cities planning for rivers that will change. The ice is melting whatever we do now. What we still decide is how ready we are.",
        picks=(7, 4, 6),
    ),
    PostText(
        "The Teacher Who Made Us Ask Why",
        "javed",
        "education",
        ("Education", "Mentoring"),
        "Sir Akhtar taught us mathematics in our first year, and he had one rule: nobody could write an answer on the board without also explaining why it was right. This slowed his classes to a crawl and infuriated the students who only wanted to pass. But by the end of the year, we had stopped being afraid of mathematics. I became an engineer because of him, and so did at least a dozen of my classmates. He retired long ago, and I visited him last year. He asked me why I had not written to him sooner.",
        "When I visited him, he was ninety-one and still doing the newspaper's mathematics puzzle every morning, in ink. He made me explain my solution to one of them before he would let me drink my tea. I did, and he nodded, and said, *good, now why?* I laughed until I cried. Then I went home and wrote him the letter I should have written forty years earlier.",
        picks=(0, 5, 3),
    ),
    PostText(
        "Rote Learning Is Not the Enemy, Boredom Is",
        "fatima",
        "education",
        ("Education", "Mentoring"),
        "Every year, a new education expert visits my school and tells my teachers to stop making children memorise things. Every year, I politely disagree. A child who knows the multiplication tables by heart has a mind free to think about harder problems; a child who must count on her fingers does not. The real problem in our classrooms is not memory. It is that we too often make learning so dull that children stop expecting it to be anything else.",
        "So, at my school, children still learn their tables and their poems by heart. They also build things, argue about answers and ask questions we cannot answer. The two are not in conflict. A memorised poem, recited with understanding, is a treasure; a memorised answer, recited without it, is just noise. Our job as teachers is to know the difference and to make sure our students know it too.",
        picks=(1, 3, 6),
    ),
    PostText(
        "Teaching Online to Villages With One Bar of Signal",
        "fatima",
        "education",
        ("Education", "Technology"),
        "When the schools closed during the pandemic, my school began broadcasting lessons online, and within a week I discovered that a third of our students could not join. Some had no phone at home, some shared one phone among four siblings, and some lived in villages where the signal appeared only on the roof of the mosque. We adapted: lessons by voice message, worksheets sent with the milk van, a teacher who cycled between villages. Here is what that year taught me about technology in education.",
        "When the schools reopened, we kept the voice messages, because the parents liked hearing the lessons too. We also kept the cycling teacher, who now visits the villages once a week to help children who fell behind. Technology helped us that year, but only because teachers were willing to bend it to the lives of their students. The lesson I took from it is that the best technology in education is still a teacher who shows up.",
        picks=(4, 2, 5),
    ),
    PostText(
        "What Our Teachers Earn",
        "javed",
        "education",
        ("Education", "Careers"),
        "A few months ago, I asked members of this network who are teachers to tell me, anonymously, what they earn and what second jobs they hold. Forty-one replied. Most teach private tuition in the evenings; several drive taxis at weekends; one sells insurance. Two of the best teachers I know, who have each taught for more than twenty years, earn less than a junior software developer in their first job. I want to write about what those numbers say about us.",
        "There are small things this network can do: fund training for teachers at the schools our members support, pay for a substitute so that a teacher can attend a course, and above all say thank you, in public, to the teachers who shaped us. There are larger things only governments can do. But societies change what they pay for when enough people say, loudly and often, that it matters.",
        picks=(9, 6, 0),
    ),
    PostText(
        "کالج کی لائبریری: ایک پرانی محبت",
        "samina",
        "education",
        ("Books", "Education"),
        body=(
            "ہر شہر میں کچھ جگہیں ایسی ہوتی ہیں جو عمارتوں سے زیادہ یادوں میں زندہ رہتی ہیں۔ میرے لیے وہ جگہ ستارہ کالج کی پرانی لائبریری ہے، جس کی لکڑی کی الماریوں سے پرانے کاغذ اور کافور کی ملی جلی خوشبو آتی تھی۔ میں نے وہاں چار سال گزارے، اور سچ پوچھیں تو کلاس روم سے زیادہ وہیں سیکھا۔ امتحان کے دنوں میں ہم صبح سویرے دروازے کے باہر قطار لگا لیتے تھے، تاکہ کھڑکی کے پاس والی میز مل جائے جہاں دوپہر تک دھوپ آتی تھی۔\n\n"
            'لائبریرین صاحب، جنہیں ہم سب "ماسٹر جی" کہتے تھے، ہر کتاب کا مقام زبانی جانتے تھے۔ کوئی طالب علم کسی موضوع کا نام لیتا تو وہ عینک ماتھے پر چڑھا کر کہتے: "تیسری الماری، اوپر سے دوسرا خانہ، نیلی جلد۔" اور کتاب ہمیشہ وہیں ملتی۔ ان کی میز پر ایک موٹا رجسٹر رکھا رہتا تھا جس میں وہ ہر کتاب کا اندراج اپنے ہاتھ سے کرتے تھے، اور ان کی لکھائی اتنی خوبصورت تھی کہ ہم کبھی کبھی صرف اسے دیکھنے کے لیے کتاب جاری کرواتے تھے۔\n\n'
            "> کتاب وہ دوست ہے جو کبھی ناراض نہیں ہوتا، بس انتظار کرتا ہے۔\n\n"
            "یہ جملہ انہوں نے مجھ سے اس دن کہا تھا جب میں ایک کتاب تین ہفتے دیر سے واپس کرنے آئی اور جرمانے سے ڈر رہی تھی۔ انہوں نے جرمانہ معاف نہیں کیا، مگر ساتھ ایک اور کتاب تھما دی اور کہا کہ اسے وقت پر لوٹانا۔ میں نے لوٹائی، اور اس کے بعد کبھی دیر نہیں کی۔\n\n"
            "آج میں خود ایک لائبریری میں کام کرتی ہوں۔ ہمارے پاس کمپیوٹر ہیں، آن لائن کیٹلاگ ہے، اور بچے فون پر کتابیں پڑھتے ہیں۔ مگر میں نے دیکھا ہے کہ جب کوئی بچہ پہلی بار کسی الماری کے سامنے کھڑا ہو کر اپنے ہاتھ سے کتاب چنتا ہے تو اس کی آنکھوں میں وہی چمک ہوتی ہے جو کبھی ہماری آنکھوں میں تھی۔ ٹیکنالوجی نے بہت کچھ بدل دیا ہے، لیکن تجسس کا وہ لمحہ آج بھی ویسا ہی ہے۔\n\n"
            "**میری گزارش یہ ہے** کہ ہم سب اپنے کالج کی لائبریری کے لیے کچھ نہ کچھ کریں:\n\n"
            "- ہر سابق طالب علم سال میں ایک نئی کتاب عطیہ کرے، چاہے اردو کی ہو یا انگریزی کی۔\n"
            "- شہر سے باہر رہنے والے دوست رسالوں اور اخباروں کی سالانہ رکنیت کا خرچ اٹھائیں۔\n"
            "- جو لوگ کالج کے قریب رہتے ہیں، وہ مہینے میں ایک شام بچوں کے ساتھ کہانی پڑھنے کا اہتمام کریں۔\n\n"
            "اگلی ملاقات میں میں لائبریری کی موجودہ انچارج سے آپ سب کا تعارف کرواؤں گی۔ ان کا کہنا ہے کہ پرانی الماریاں اب بھی وہیں ہیں، بس ان پر رنگ نیا ہو گیا ہے۔ مجھے یقین ہے کہ ماسٹر جی کی آواز اب بھی ان خانوں میں کہیں گونجتی ہوگی: تیسری الماری، اوپر سے دوسرا خانہ، نیلی جلد۔"
        ),
        links=(
            Link(
                "https://classroom-quarterly.example.net/libraries/school-libraries",
                "School Libraries Change Lives",
                "Classroom Quarterly — by Noreen Abbasi",
                "Students with access to a school library read more and scored higher. The effect was strongest for children from poorer homes.",
            ),
        ),
    ),
]

DRAFTS = [
    PostText(
        "Planning the Next Reunion: A Call for Volunteers",
        "javed",
        "reunions",
        ("Reunions", "Mentoring"),
        "The next big reunion is eighteen months away, which in reunion-planning terms means we are already late. I am looking for volunteers: someone to find a venue, someone to chase the lost contacts, someone who understands video calls better than I do, and someone brave enough to manage the budget. Before I post this, I want to settle the date and the rough cost, so that the first replies are about helping rather than about arguing over weekends.",
        "If you can help in any way, reply here or write to me directly. The work is real but the reward is better: you will spend a year talking to people you have not spoken to in decades, and on the night itself, you will watch them walk through the gate. There is no better seat in the house.",
        picks=(3, 10, 9),
    ),
    PostText(
        "Notes Toward a Cricket Memoir",
        "irfan",
        "cricket",
        ("Cricket", "Books"),
        "My students keep telling me to write down the stories I tell at practice, so this is a first attempt. It will be a long, untidy post at first, and I will tidy it before anyone sees it. I want to start with the ground behind Chenab Hall, and with the groundsman who nailed the mat down after every match, because without him none of the other stories would have happened.",
        "I do not know yet whether this will become a book or stay a long post that my students will scroll past. But I want to get the stories down while the people in them are still here to correct me. If you played on that ground in the early two-thousands, I would be grateful for your memories, especially the ones that make me look foolish.",
        picks=(0, 10, 4),
    ),
    PostText(
        "Half-Finished Thoughts on Moving Back Home",
        "omar",
        "careers",
        ("Careers", "City Life"),
        "After twenty-two years in the Gulf, my wife and I are seriously discussing a move back home. I am writing this to think aloud, and I am not ready to publish it, because my mother reads this network and I have not yet told her. The reasons to go are mostly about family; the reasons to stay are mostly about money and schools. I want to be honest about both.",
        "I have no conclusion yet. I will write again when we have decided, and I will tell my mother first.",
        picks=(9, 0, 10),
    ),
]

# --- Comments ----------------------------------------------------------------------------------

# Comments that fit any post.
COMMENTS = [
    "Beautifully written. Forwarding this to our batch group right now.",
    "I read this twice. The second time I noticed how much I agree with you.",
    "This brought back so many memories. Thank you for taking the time to write it down.",
    "Well said. I hope the younger members read this carefully.",
    "I could not agree more, especially with the last part.",
    "Saving this one. My children need to read it when they are a little older.",
    "You have a gift for saying in a few paragraphs what the rest of us take an evening to say badly.",
    "Sharing with my team at work. Some of this applies far beyond our college.",
    "I laughed out loud at the first paragraph and then went very quiet by the end.",
    "Thank you for this. It is exactly what I needed to read this week.",
    "An important post. I hope it starts a longer conversation here.",
    "I have a slightly different view, but I respect how fairly you put the argument. Let's talk at the next reunion.",
    "Printed this out for my father, who does not trust screens. He says thank you.",
    "This is why I keep coming back to Sitara Circle.",
    "Reading this from an airport lounge and feeling very homesick.",
    "Lovely. Please write more often.",
    "My family read this over my shoulder and now they all want to come to the next reunion.",
    "So true. I have been saying the same thing for years, but never this clearly.",
    "Memory is a funny thing. Reading this, I remembered things I had not thought of in years.",
    "Thank you for writing this down before the rest of us forget the details.",
    "Bookmarked. This deserves a wider audience than our network.",
    "It is rare to read something so honest. Thank you for sharing it in public.",
    "Such a warm piece. It reads like a letter from an old friend.",
    "Agreed on most points. I would add that patience matters more than any of us admitted at nineteen.",
    "I showed this to my students and it started a wonderful discussion in class.",
    "You have described my own experience almost exactly. It is comforting to know I was not alone.",
    "Wonderful. I wish our teachers could read this.",
    "Finally someone said it.",
    "One line of this is going on my fridge.",
    "I would love to talk more about this. Sending you a message.",
    "This made my morning, on a very grey day.",
    "Thoughtful as always. I look forward to your posts every month.",
    "Every word of this is true, and I say that as someone who disagreed with you last time.",
    "Reading this made me call an old friend I had not spoken to in years. Thank you for that.",
    "Great post. Worth bookmarking and rereading.",
    "I wonder how many of us feel the same and never say it. Thank you for saying it.",
    "This should be required reading for every new member.",
    "What a lovely surprise to find this in my inbox this morning.",
    "I have nothing to add except that I loved reading it.",
    "Very balanced. I appreciate that you did not pretend there were easy answers.",
    "Please turn this into a talk at the next reunion. I will bring the tea.",
    "Such a good reminder of where we come from.",
    "This is as true where I live now as it is back home.",
    "My daughter asked who wrote this, and then asked if she can join the network when she starts college.",
    "I have been thinking about this all day. Thank you.",
]

# Comments that fit any post on one topic.
TOPIC_COMMENTS: dict[str, list[str]] = {
    "reunions": [
        "I still regret missing the last one. Count me in for the next, whatever it takes.",
        "Those of us abroad are grateful for every photograph you share. It is the next best thing to being there.",
        "Who has the scan of the class photograph? I need it for my mother.",
        "Seeing everyone after so long felt like coming home to a house that had been kept ready for us.",
    ],
    "careers": [
        "I made a similar switch at forty-five. The first year was terrifying and entirely worth it.",
        "Sending this to my nephew, who starts his first job next month.",
        "Nobody taught us any of this at college. Perhaps the network could run a careers evening?",
        "The part about careers not being straight lines is exactly what I tell every intern.",
    ],
    "scholarships": [
        "I was a Sitara scholar myself. I now give every month, and it is the best money I spend.",
        "Thank you to the committee for the transparency. It is why I trust the fund.",
        "Doubling my monthly gift after reading this.",
        "Is there a way to sponsor a student's books specifically? I would like to do that.",
    ],
    "technology": [
        "As an engineer, I find it reassuring to read something about technology that is neither hype nor panic.",
        "Forwarding this to the family group, where it will be read by everyone except the people who need it most.",
        "We need more posts like this in Urdu too, for our parents' generation.",
        "Technology changes; the problems people have with it stay remarkably similar.",
    ],
    "startups": [
        "Founders need to hear this more often, especially the honest parts.",
        "Would love a meetup of founders in the network. Karachi or online?",
        "Sharing with our incubator's new cohort. They will appreciate it.",
        "The romance and the unpaid salaries, both true in my experience.",
    ],
    "science": [
        "Science posts are my favourite part of this network. More, please.",
        "Our physics teacher would have loved this. He always said curiosity was the only qualification that mattered.",
        "Sending this to my niece, who is choosing her subjects this year.",
        "Clear and generous, like the best lectures we had.",
    ],
    "cricket": [
        "I dropped a catch in the alumni match three years ago and I have still not been forgiven.",
        "Cricket posts always get the most comments here, and for good reason.",
        "Reading this during the tea break of our weekend match. Perfect timing.",
        "The game has changed so much, and yet the arguments are exactly the same.",
    ],
    "city": [
        "Every word of this is our city. Messy, loud and impossible to leave behind.",
        "Those of us who moved away miss the chaos more than we expected.",
        "Please write a whole series on the city. I would read every one.",
        "You have made me want to book a ticket home immediately.",
    ],
    "food": [
        "Now I am hungry, and it is midnight here. Thank you very much.",
        "My grandmother also cooked by smell. I finally filmed her last year so the recipes would not be lost.",
        "Food posts should come with a warning for those of us abroad.",
        "We should have a recipe exchange in this network. Who is in?",
    ],
    "travel": [
        "Our door is always open to Sitara alumni, wherever you are travelling. Just message me.",
        "Adding this to the list of trips I will take when the children are older.",
        "Travel writing at its best: I felt I was there.",
        "Please share more photographs next time!",
    ],
    "mentoring": [
        "I was a mentee in the programme and now I am a mentor. It works.",
        "Would there be interest in a mentoring circle for teachers? I would happily help organise one.",
        "The best mentors I had did exactly this. Thank you for putting it into words.",
        "How do I sign up as a mentor? I have an hour a month to give.",
    ],
    "climate": [
        "Our school planted neem trees two years ago and most of them survived. The right species makes all the difference.",
        "It is hard to read this and not feel anxious, but the practical ideas help.",
        "Climate posts like this should be shared far beyond our network.",
        "Thank you for writing about this without despair. We need clear heads.",
    ],
    "education": [
        "Mother tongue first, then English — my children's school does this and it works.",
        "The library paragraph is my whole story. I owe everything to that reading room.",
        "Every teacher in the network should read this, and every parent too.",
        "Good teaching is the best investment any society can make. Thank you for saying so.",
    ],
}

# Comments that fit only one post, by its title, as (author's key or "" for anyone, text); they
# come first when that post gets comments.
POST_COMMENTS: dict[str, list[tuple[str, str]]] = {
    "Under the Banyan Tree Again: Notes From Our Batch Reunion": [
        ("", "I will never forget the caretaker's ring of keys. Is he still there?"),
        ("", "The new iron railing around the tree! Who approved that?"),
    ],
    "A Reunion by Video Call, From Nine Time Zones": [
        (
            "",
            "The video call table was the highlight for those of us abroad. Please keep doing it.",
        ),
    ],
    "The Empty Chairs at Our Silver Jubilee": [
        (
            "",
            "The marigolds were a beautiful idea. My brother's name was on one of those cards. Thank you.",
        ),
    ],
    "Starting Over: Requalifying as a Doctor in a New Country": [
        (
            "ayesha",
            "Happy to talk to anyone going through the licensing process in Canada. It can be done.",
        ),
    ],
    "What Nobody Told Me About My First Job in Dubai": [
        ("hassan", "Summer concrete at night! I learned that one the hard way too."),
    ],
    "Writing Well Is the Most Underrated Career Skill": [
        (
            "",
            "The point about writing things down is the best career advice I ever ignored for too long.",
        ),
    ],
    "The Sitara Scholarship Fund: Our Report for the Year": [
        ("", "Just asked our HR team about matching gifts. They do it! I had no idea."),
    ],
    "A Letter From a First-Generation Student": [
        (
            "noor",
            "Yusuf, you have made every donor in this network very proud. Good luck with the solar cells!",
        ),
        ("", "I read this aloud to my family at dinner. Thank you for writing it."),
    ],
    "The Computer Lab That Had One Printer and Forty Students": [
        (
            "",
            "I also started in that lab. The floppy disks! I lost an entire project to one of them.",
        ),
    ],
    "My Mother Pays the Milkman by Phone Now": [
        ("", "My mother now sends me payment screenshots to prove she can do it. Progress."),
    ],
    "A Security Checklist for Your Parents' Phones": [
        (
            "",
            "Went through this with my parents last weekend. My father now has two-step verification and a very smug expression.",
        ),
        (
            "",
            "Great advice. I would add: never click a link in a message that says your account will be closed.",
        ),
    ],
    "Typing in Urdu Should Not Be This Hard": [
        (
            "",
            "As someone working on Urdu fonts, thank you for raising this. It is slow work but it is improving.",
        ),
        ("samina", "آپ نے بالکل صحیح لکھا۔ اردو میں ٹائپ کرنا آج بھی ایک امتحان ہے۔"),
    ],
    "Our First Office Was a Spare Bedroom in Gulshan": [
        (
            "",
            "We also started in a spare room. The landlord was my uncle, and he still reminds me.",
        ),
        ("", "The sewing machine on Thursdays is my favourite detail of any startup story."),
    ],
    "Why Diaspora Angels Should Invest Back Home": [
        ("", "Would love to join the angel group. Who do I talk to?"),
    ],
    "Three Startups That Failed and What They Left Behind": [
        (
            "kabir",
            "As one of the founders you mentioned: thank you for writing about it so kindly.",
        ),
    ],
    "The Spectrometer Nobody Was Allowed to Touch": [
        ("", "I remember that glass cabinet. We were so afraid of it."),
        (
            "",
            "My younger brother was in that optics class! The sodium lamp experiment is still the one I remember best.",
        ),
    ],
    "Stargazing on the College Roof": [
        (
            "",
            "Our daughter went to the rooftop telescope evening and now wants to be an astronomer. Thank you, astronomy club!",
        ),
    ],
    "Counting Birds Along the Canal": [
        (
            "",
            "Citizen science is underrated. My bird notebook is now part of a national survey too.",
        ),
    ],
    "Setting an Alarm for 3 a.m. to Watch a Test Match": [
        ("javed", "3 a.m. alarms are a way of life here in Houston. Solidarity."),
    ],
    "Tape-Ball Summers": [
        (
            "rashid",
            "I think I know which Jamshed you mean. He runs a sports shop now. I will send you his number.",
        ),
    ],
    "Picking the All-Time Sitara XI (Arguments Welcome)": [
        ("", "My XI would be completely different, but I admire your courage in publishing this."),
        (
            "omar",
            "No wicketkeeper from the nineties? I am deeply offended on behalf of my entire batch.",
        ),
    ],
    "Our Daughters Play Cricket Now": [
        (
            "ayesha",
            "Our club in Toronto has a junior girls' section now. Twenty-two girls at the first practice!",
        ),
    ],
    "Load-Shedding Evenings and the Art of Conversation": [
        ("", "Load-shedding evenings on the roof! My whole childhood is in that paragraph."),
    ],
    "Monsoon Diary: Wading to Work": [
        ("", "The monsoon description made me miss the rain, even the flooded underpasses."),
    ],
    "Sunday at the Old Book Market": [
        (
            "",
            "The Sunday book market is where I bought half my university books. Glad it survives.",
        ),
    ],
    "Where to Drink Chai at Midnight": [
        (
            "",
            "The tea stall paragraph is perfect. I know exactly which stall you mean, and I will not tell anyone either.",
        ),
    ],
    "The New Bus Line Changed My Commute": [
        ("", "I took the new bus last month too. Genuinely impressed."),
    ],
    "The Canteen Samosa: A Short Biography": [
        ("", "The canteen samosa was a meal, a bribe and a currency. Nothing has matched it."),
    ],
    "Cooking My Mother's Daal in a Toronto Winter": [
        (
            "",
            "Tried the daal recipe tonight. Very good, but I added a little too much chilli. My fault, not yours.",
        ),
    ],
    "The Biryani Argument That Never Ends": [
        ("", "Potatoes in biryani, always, and I will not be taking questions."),
        ("", "Framing both notes is genius. Your chef deserves a raise."),
    ],
    "Iftar Tables Around the World": [
        ("marcus", "Our iftar table in Stockholm would like to be included next year!"),
    ],
    "Driving North: Six Days on the Mountain Roads": [
        ("", "We drove north last summer on your advice and it was the trip of a lifetime."),
    ],
    "The Coast Nobody Visits": [
        (
            "",
            "Please share the name of a guesthouse on the coast. We are planning a trip in the winter.",
        ),
    ],
    "A Guide to Surviving Long Layovers": [
        ("", "The visa paragraph is so real. I spent more time on forms than on the trip itself."),
    ],
    "Visiting Classmates on Three Continents": [
        (
            "daniel",
            "It was a joy to have you both in Nairobi. The houseboat story is better every time you tell it.",
        ),
    ],
    "Reverse Mentoring: My Mentee Taught Me Video Editing": [
        ("", "Your videos are excellent! Short, clear and with better lighting than mine."),
    ],
    "A Thirty-Minute Call Across Twelve Time Zones": [
        (
            "",
            "Signing up as a mentor after reading this. Thirty minutes a month is not too much to ask.",
        ),
    ],
    "Mentoring Women Engineers Into Leadership": [
        ("", "The point about boundaries is important and rarely said."),
        ("priya", "I joined the circle last year. It has changed how I speak up in meetings."),
    ],
    "Fifty Degrees in the Shade": [
        (
            "",
            "The heat section is painfully accurate. My mother's plants died this summer as well.",
        ),
    ],
    "After the Floods, the Schools": [
        (
            "",
            "The students in our network are doing remarkable work. How can we support them better?",
        ),
    ],
    "Rooftop Solar on My Father's House": [
        (
            "",
            "We put solar panels on my parents' house too. My father now talks about kilowatt-hours at dinner.",
        ),
    ],
    "The Glaciers Are Our Water Tank": [
        (
            "",
            "Thank you for explaining the glaciers so clearly. I finally understand why it matters down here.",
        ),
    ],
    "The Teacher Who Made Us Ask Why": [
        (
            "",
            "Sir Akhtar taught me too. I still explain my answers out loud, to the annoyance of my colleagues.",
        ),
    ],
    "Rote Learning Is Not the Enemy, Boredom Is": [
        ("", "The classroom list is going on the wall of our staff room."),
    ],
    "What Our Teachers Earn": [
        ("", "As a teacher, thank you for writing about pay. We rarely say it ourselves."),
    ],
    "کالج کی لائبریری: ایک پرانی محبت": [
        ("irfan", "بہت خوب لکھا ہے! ماسٹر جی کی عینک والی بات پڑھ کر ہنسی آ گئی۔"),
        ("rashid", "میں اس مہینے دو کتابیں بھیج رہا ہوں۔ براہ کرم پتہ بتا دیجیے۔"),
        (
            "",
            "I remember Master ji! He once found me a book I did not even know I was looking for.",
        ),
    ],
}

# Comments in Urdu that fit any post, now and then from members who write in Urdu.
URDU_WRITERS = ["samina", "irfan"]
URDU_COMMENTS = [
    "بہت خوب! یہ تحریر اپنی بیٹی کو بھی پڑھ کر سنائی۔",
    "بہت عمدہ تحریر ہے، پڑھ کر پرانے دن یاد آ گئے۔",
    "شکریہ، یہ بات بہت پہلے کسی کو کہنی چاہیے تھی۔",
    "اللہ آپ کو خوش رکھے، ایسی تحریریں اور لکھیے۔",
]

# Replies from a post's author, added after other members have commented.
AUTHOR_REPLIES = [
    "Thank you, everyone, for reading and for such generous comments.",
    "I am overwhelmed by the replies. I will answer each of your messages this week.",
    "You are right, and I should have mentioned it. Thank you for adding it here.",
    "Several of you asked for a follow-up, so I am working on one.",
    "Thank you. Some of your stories are better than mine; please write them as posts.",
    "This thread is the reason I write here. Thank you all.",
]

# --- Sidebar boxes -----------------------------------------------------------------------------

# The "Alumni Blogs" box links to these members' blogs (the command knows their addresses).
BLOG_BOX_TITLE = "Alumni Blogs"
BLOG_BOX_INTRO = "Regular writers in our network:"
BLOG_BOX_MEMBERS = ["javed", "ayesha", "rashid", "zainab", "fatima", "samina"]

SIDEBAR_BOXES = [
    Box(
        "About Sitara Circle",
        "Sitara College opened its gates in 1962 on Canal Road. Today its alumni live in more than thirty countries.\n\nThis network is run by volunteers, costs nothing to join and carries no advertising. **Members write; everyone reads.**",
    ),
    # The "Alumni Blogs" box goes here, second.
    Box(
        "Sitara Scholarship Fund",
        "Forty-six students supported this year, paid for by hundreds of small monthly gifts.\n\n- [How the fund works](https://scholarships.example.org/sitara/how-it-works)\n- [Give monthly](https://scholarships.example.org/sitara/give)\n- [Apply for a scholarship](https://scholarships.example.org/sitara/apply)",
    ),
    Box(
        "Useful Links",
        "- [Sitara College](https://www.example.org/sitara-college/)\n- [Alumni directory (PDF, 2019)](https://files.example.org/sitara/alumni-directory-2019.pdf)\n- [Mentoring programme sign-up](https://mentors.example.org/sitara)\n- [Reunion photo archive](https://photos.example.net/sitara-reunions)",
    ),
]
