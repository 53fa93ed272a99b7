"""The demo network's comments: on any post, on a topic's posts, on one post, in Urdu, replies.

Everything here is fiction written for Anjuman's demo. Blog topics and post titles are those of
blogs/demo/content.py and authors are members' keys (members/demo/content.py); blogs/demodata.py
places these comments under its posts. This module only holds text, so it imports nothing.
"""

# Prose is kept one paragraph to a line, as it is stored; wrapping it would put line breaks into
# what members see when they edit a post.
# ruff: noqa: E501

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

# --- Replies ---------------------------------------------------------------------------------

# Replies under a comment (comments/demodata.py), from the owner of what it is on or from
# another member; they fit any comment.
REPLIES = [
    "Thank you! That means a lot coming from you.",
    "Ha, I remember that too. We should compare notes at the reunion.",
    "Exactly what I was thinking when I wrote it.",
    "Agreed. I would only add that it took me years to see it.",
    "Thank you for reading, and for taking the time to say so.",
    "Please do send that message. I would love to hear more.",
    "You are too kind. I am glad it brought back good memories.",
    "Yes! I had forgotten that detail completely.",
    "Fair point. I will think about it and maybe write a follow-up.",
    "Same here. Some things never change, thankfully.",
    "Let us talk about it over tea next time you are in town.",
    "I showed your comment to my father and he laughed for a full minute.",
]
URDU_REPLIES = [
    "بہت شکریہ! آپ کی بات دل کو لگی۔",
    "بالکل درست فرمایا۔",
]
