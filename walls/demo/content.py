"""The demo network's wall comments: (who writes, on whose wall, what), and the wall owner's
replies. Fiction written for Anjuman's demo; members are keys of members/demo/content.py."""

# ruff: noqa: E501

WALL_COMMENTS = [
    ("ayesha", "javed", "Thank you for starting Sitara Circle. I found three classmates here in my first week!"),
    ("omar", "javed", "Your column on school buses was read aloud at our dinner table in Dubai. Keep them coming."),
    ("noor", "javed", "The scholarship committee meets on the first Sunday of next month. Can you join by video?"),
    ("fatima", "ayesha", "My students loved the coding workshop you sent. Could we do another one in the spring?"),
    ("priya", "ayesha", "Congratulations on the new release of your library! The changelog alone is a pleasure to read."),
    ("kabir", "ayesha", "Are you coming to the Toronto meet-up? We need someone to argue with me about startups."),
    ("hassan", "omar", "Saw a photo of your bridge in the newspaper. Proud of you, my friend."),
    ("rashid", "omar", "When you are next in Karachi, dinner is on me. Biryani, with potatoes, no debate."),
    ("lena", "mehreen", "Thank you for the advice about requalifying. My cousin passed her exam last week!"),
    ("daniel", "hassan", "Your talk on climate finance is still being shared around our office in Nairobi."),
    ("arjun", "priya", "Happy birthday, Priya! The cricket club sends its loudest cheer."),
    ("zainab", "daniel", "Your flood warning maps are brilliant. Could I use one in my lecture next week?"),
    ("samina", "fatima", "آپ کے اسکول کی لائبریری کے لیے کتابیں بھیج دی ہیں۔ پہنچ جائیں تو بتائیے گا۔"),
    ("irfan", "samina", "سالگرہ مبارک ہو! اللہ آپ کو ہمیشہ خوش رکھے۔"),
    ("tahir", "rashid", "Tried your new restaurant in Clifton. The nihari was worth the drive from Quetta."),
    ("marcus", "lena", "Greetings from Stockholm! Rabia says hello and asks when you are visiting."),
    ("arjun", "kabir", "Read your pitch deck. Nine slides! You kept your promise."),
    ("hina", "zainab", "Your post on heat waves is being discussed in our planning department. Thank you."),
    ("priya", "arjun", "We need a new opening batsman for the charity match. Any chance?"),
    ("shirin", "tahir", "Your photographs of the mountain roads gave me an idea for a restoration project."),
    ("javed", "noor", "Thank you for finding so many lost classmates this year. The network owes you."),
    ("yusuf", "noor", "I will never forget the day the scholarship letter came. Thank you, and the whole committee."),
    ("lena", "marcus", "Your security checklist saved my mother from a phishing message last week!"),
    ("noor", "hina", "Welcome back from your trip! We missed your comments on the transport posts."),
    ("irfan", "yusuf", "بہت مبارک ہو یوسف! ہم سب کو آپ پر فخر ہے۔"),
    ("ayesha", "shirin", "The old library staircase looks beautiful after your restoration. Well done!"),
    ("mehreen", "irfan", "My son wants to join your cricket camp this summer. Is there still a place?"),
    ("omar", "yusuf", "If you ever need advice on engineering jobs in the Gulf, my inbox is open."),
]  # fmt: skip

# What a wall's member answers under a comment on their wall.
OWNER_REPLIES = [
    "Thank you so much! That made my day.",
    "Let us plan it properly. Sending you a message now.",
    "You are very kind. See you at the reunion!",
    "Ha! I will hold you to that.",
    "شکریہ! آپ کا پیغام پڑھ کر بہت خوشی ہوئی۔",
]
