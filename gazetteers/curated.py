"""Hand-written data for gazetteers/build.py: stop words and curated entity lists.

Curated block format, one entity a line:
    ID | kind | Name; Name{attr=value,attr=value}; ...
Names are facts (organization names and acronyms). An ID 'ticker:SYM' is resolved by build.py to
the SEC id (sec:<CIK>) when the ticker is listed.
"""

# Common English words (lowercase) that must not stand alone as a company/organization alias.
STOP_WORDS = set("""
a about above access action active advance advanced affiliated after against age agency air all alliance
alpha alternative america american americas an and any apex apple applied arch area arrow art asset
assets associated at atlantic auto autumn avenue back bank banks bar base basic bay be beacon bear bell
best beta better big bio black blue board bold bond bonds boston both bridge bright brother brothers
build builders business by cabal cable call camp can capital car care carbon cardinal career cash
center central century champion change channel charter chemical choice circle citizens city civic
class classic clean clear climate cloud coast coastal code coin college colony commerce commercial
common community companies company compass complete concord consolidated consumer continental core
corner country county cove crown crystal cure current custom daily data day deep delta design development
diamond digital direct discovery diversified dollar domain dominion double dream drive dynamic dynamics
eagle early earth east eastern echo edge education eight electric element elite empire energy engine
enterprise enterprises entertainment equity essential evolution excel excellence exchange express
extra fair faith family farm farmers fast federal fidelity field fifth financial first fit five flag
fleet flex flow focus food for force forest fortune forward foundation four frank free freedom
frontier fuel fund future galaxy games gap general generation genesis giant glacier global globe go
gold golden good grand granite great green group growth guardian gulf harbor harmony harvest health
healthcare heart heritage high highland hill holding holdings home horizon hub human ideal image impact
in income independence independent index industrial industries infinity information innovation
innovative insight institute insurance integrated intelligent interactive international investment
investors iron island it jet journey key keystone kind kingdom lake land landmark laser legacy liberty
life light lime line link lion live local logic long lucky magic main majestic manufacturing maple
marathon marine mark market masters matrix max medical meridian merit metro micro mid midwest mind
mission mobile modern momentum monarch motor mountain mutual national natural nature net network new
news next night nine north northeast northern northwest nova now oak ocean office ohio omega on one
open opportunity optimum oracle orange orbit origin outdoor pacific park partners path patriot peak
people peoples performance pilgrim pinnacle pioneer place planet platinum plus point polar popular
port power precision premier premium prime pro progress progressive prospect provident public pulse
pure quality quantum quest radius rain range rapid ready real realty red regional reliance renaissance
republic research reserve resource resources river rock royal safe safety saint sea second security
select service services seven shell shift signal silver simple six sky smart solar solid solution
solutions sound source south southern southwest sovereign space spark spectrum spirit spring square
standard star state states steel sterling stone strategic strategy street strong success summit sun
sunrise sunshine superior supply support sure surge system systems target team tech technologies
technology ten terra the third three thunder tide time titan total tower trade trans travel trend tri
trinity triumph true trust turning two ultra union unique united unity universal urban us usa valley
value vanguard venture ventures victory vision visa vista vital wave way west western white wide wild
will wind wing winner wireless wise wolf world worldwide yellow yes you young zero zone
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday spring summer fall winter
america's people's children's women's men's
troops senior joint bill post seek unit match paid waters block track highway stem beyond emerging ouster
founder root aware allot arm authentic ball banner box carnival click cluster coffee cool decent employers
enact enhanced equitable farmhouse fold forge fossil gravity gates glimpse grab guess happen here hilltop
honest icon intrusion lithium nice opera pattern perfect pool remark repay slam strive tiny ultimate
visionary weed evergreen republicans democrats liberals greens conservatives socialists communists
independents nationalists progressives moderates democrat republican liberal conservative socialist
""".split())

# Single-word names that are ordinary words but also household-name companies: kept, marked ambiguous.
AMBIGUOUS_KEEP = {"Apple", "Amazon", "Target", "Gap", "Visa", "Shell", "Oracle", "Gallup", "Chase",
                  "Ford", "Dell", "Delta", "Caterpillar", "Humana", "Progressive", "Southern", "Discovery",
                  "Sprint", "Square", "Snap", "Zoom", "Uber", "Lyft", "Intel", "Pfizer"}

CURATED_GOV = """
gov:ice | government | U.S. Immigration and Customs Enforcement; US Immigration and Customs Enforcement; Immigration and Customs Enforcement; ICE{case=exact}
gov:cbp | government | U.S. Customs and Border Protection; Customs and Border Protection; CBP{case=exact}; Border Patrol; U.S. Border Patrol
gov:uscis | government | U.S. Citizenship and Immigration Services; Citizenship and Immigration Services; USCIS{case=exact}
gov:fbi | government | Federal Bureau of Investigation; FBI; F.B.I.
gov:cia | government | Central Intelligence Agency; CIA; C.I.A.
gov:nsa | government | National Security Agency; NSA{case=exact}
gov:epa | government | Environmental Protection Agency; U.S. Environmental Protection Agency; EPA; E.P.A.
gov:irs | government | Internal Revenue Service; IRS; I.R.S.
gov:doj | government | Department of Justice; U.S. Department of Justice; Justice Department; DOJ{case=exact}
gov:dhs | government | Department of Homeland Security; U.S. Department of Homeland Security; Homeland Security Department; DHS{case=exact}
gov:dod | government | Department of Defense; U.S. Department of Defense; Defense Department; Pentagon; the Pentagon; DOD{case=exact}; DoD{case=exact}; Department of War; War Department
gov:state | government | Department of State; U.S. Department of State; State Department; U.S. State Department
gov:treasury | government | Department of the Treasury; U.S. Department of the Treasury; Treasury Department; U.S. Treasury
gov:doe | government | Department of Energy; U.S. Department of Energy; Energy Department; DOE{case=exact}
gov:usda | government | Department of Agriculture; U.S. Department of Agriculture; Agriculture Department; USDA
gov:hhs | government | Department of Health and Human Services; U.S. Department of Health and Human Services; Health and Human Services; HHS{case=exact}
gov:hud | government | Department of Housing and Urban Development; Housing and Urban Development; HUD{case=exact}
gov:dot | government | Department of Transportation; U.S. Department of Transportation; Transportation Department; DOT{case=exact}
gov:ed | government | Department of Education; U.S. Department of Education; Education Department
gov:dol | government | Department of Labor; U.S. Department of Labor; Labor Department
gov:doc | government | Department of Commerce; U.S. Department of Commerce; Commerce Department
gov:doi | government | Department of the Interior; U.S. Department of the Interior; Interior Department
gov:va | government | Department of Veterans Affairs; U.S. Department of Veterans Affairs; Veterans Affairs Department; VA{case=exact,ambiguous=1}
gov:fda | government | Food and Drug Administration; U.S. Food and Drug Administration; FDA
gov:cdc | government | Centers for Disease Control and Prevention; Centers for Disease Control; CDC
gov:nih | government | National Institutes of Health; NIH
gov:nasa | government | National Aeronautics and Space Administration; NASA
gov:sec | government | Securities and Exchange Commission; U.S. Securities and Exchange Commission; SEC{case=exact}
gov:ftc | government | Federal Trade Commission; FTC
gov:fcc | government | Federal Communications Commission; FCC
gov:fec | government | Federal Election Commission; FEC
gov:ferc | government | Federal Energy Regulatory Commission; FERC
gov:nrc | government | Nuclear Regulatory Commission; NRC{case=exact}
gov:cftc | government | Commodity Futures Trading Commission; CFTC
gov:fdic | government | Federal Deposit Insurance Corporation; FDIC
gov:cfpb | government | Consumer Financial Protection Bureau; CFPB
gov:fed | government | Federal Reserve; the Federal Reserve; Federal Reserve Board; Federal Reserve System; Board of Governors of the Federal Reserve System; Fed{case=exact,ambiguous=1}
gov:faa | government | Federal Aviation Administration; FAA
gov:fema | government | Federal Emergency Management Agency; FEMA
gov:tsa | government | Transportation Security Administration; TSA
gov:atf | government | Bureau of Alcohol, Tobacco, Firearms and Explosives; ATF
gov:dea | government | Drug Enforcement Administration; DEA
gov:usms | government | U.S. Marshals Service; United States Marshals Service; U.S. Marshals
gov:secret-service | government | Secret Service; U.S. Secret Service; United States Secret Service
gov:osha | government | Occupational Safety and Health Administration; OSHA
gov:noaa | government | National Oceanic and Atmospheric Administration; NOAA
gov:nws | government | National Weather Service
gov:census | government | Census Bureau; U.S. Census Bureau; United States Census Bureau
gov:bls | government | Bureau of Labor Statistics; BLS{case=exact}
gov:bea | government | Bureau of Economic Analysis
gov:ssa | government | Social Security Administration; SSA{case=exact}
gov:cms | government | Centers for Medicare and Medicaid Services; Centers for Medicare & Medicaid Services; CMS{case=exact}
gov:sba | government | Small Business Administration; U.S. Small Business Administration; SBA{case=exact}
gov:usps | government | United States Postal Service; U.S. Postal Service; Postal Service; USPS
gov:gao | government | Government Accountability Office; GAO
gov:cbo | government | Congressional Budget Office; CBO
gov:omb | government | Office of Management and Budget; OMB
gov:crs | government | Congressional Research Service
gov:loc | government | Library of Congress
gov:gpo | government | Government Publishing Office; Government Printing Office
gov:opm | government | Office of Personnel Management; OPM
gov:gsa | government | General Services Administration; GSA{case=exact}
gov:usaid | government | U.S. Agency for International Development; Agency for International Development; USAID
gov:nsf | government | National Science Foundation; NSF{case=exact}
gov:nlrb | government | National Labor Relations Board; NLRB
gov:eeoc | government | Equal Employment Opportunity Commission; EEOC
gov:ntsb | government | National Transportation Safety Board; NTSB
gov:nhtsa | government | National Highway Traffic Safety Administration; NHTSA
gov:usgs | government | U.S. Geological Survey; United States Geological Survey; USGS
gov:nps | government | National Park Service
gov:blm | government | Bureau of Land Management
gov:usfs | government | U.S. Forest Service; Forest Service
gov:usace | government | U.S. Army Corps of Engineers; Army Corps of Engineers
gov:bop | government | Federal Bureau of Prisons; Bureau of Prisons
gov:eoir | government | Executive Office for Immigration Review
gov:ofac | government | Office of Foreign Assets Control; OFAC
gov:dni | government | Office of the Director of National Intelligence; ODNI
gov:nsc | government | National Security Council
gov:darpa | government | Defense Advanced Research Projects Agency; DARPA
gov:army | government | U.S. Army; United States Army; US Army
gov:navy | government | U.S. Navy; United States Navy; US Navy
gov:usaf | government | U.S. Air Force; United States Air Force; US Air Force
gov:usmc | government | U.S. Marine Corps; United States Marine Corps; Marine Corps
gov:uscg | government | U.S. Coast Guard; United States Coast Guard; Coast Guard
gov:ussf | government | U.S. Space Force; United States Space Force; Space Force
gov:national-guard | government | National Guard; Army National Guard; Air National Guard
gov:jcs | government | Joint Chiefs of Staff
gov:whitehouse | government | White House; the White House; Executive Office of the President
gov:congress | legislature | Congress; U.S. Congress; United States Congress; US Congress
gov:house | legislature | House of Representatives; U.S. House of Representatives; United States House of Representatives; U.S. House; US House
gov:senate | legislature | Senate; U.S. Senate; United States Senate; US Senate
gov:scotus | court | Supreme Court; U.S. Supreme Court; United States Supreme Court; Supreme Court of the United States; US Supreme Court
gov:house-gop | legislature | House Republican Conference
gov:house-dem | legislature | House Democratic Caucus
gov:cbc | legislature | Congressional Black Caucus
gov:freedom-caucus | legislature | House Freedom Caucus; Freedom Caucus
gov:chc | legislature | Congressional Hispanic Caucus
"""

CURATED_MEDIA = """
news:nytimes.com | media | The New York Times; New York Times; NYT{case=exact}; N.Y. Times
news:washingtonpost.com | media | The Washington Post; Washington Post
news:wsj.com | media | The Wall Street Journal; Wall Street Journal; WSJ{case=exact}
news:usatoday.com | media | USA Today; USA TODAY
news:latimes.com | media | Los Angeles Times; L.A. Times; LA Times
news:chicagotribune.com | media | Chicago Tribune
news:bostonglobe.com | media | The Boston Globe; Boston Globe
news:theverge.com | media | The Verge
news:gizmodo.com | media | Gizmodo
news:cnn.com | media | CNN; Cable News Network
news:foxnews.com | media | Fox News; Fox News Channel
news:fox.com | media | Fox Broadcasting Company; Fox Broadcasting
news:msnbc.com | media | MSNBC
news:nbcnews.com | media | NBC News; NBC; National Broadcasting Company
news:abcnews.go.com | media | ABC News; ABC{case=exact}; American Broadcasting Company
news:cbsnews.com | media | CBS News; CBS; Columbia Broadcasting System
news:npr.org | media | NPR; National Public Radio
news:pbs.org | media | PBS; Public Broadcasting Service; PBS NewsHour
news:cnbc.com | media | CNBC
news:c-span.org | media | C-SPAN
news:reuters.com | media | Reuters; Thomson Reuters
news:apnews.com | media | Associated Press; The Associated Press; AP{case=exact}
news:afp.com | media | Agence France-Presse; AFP{case=exact}
news:bloomberg.com | media | Bloomberg News; Bloomberg; Bloomberg L.P.; Bloomberg Businessweek; Businessweek
news:bbc.co.uk | media | BBC; British Broadcasting Corporation; BBC News; BBC World Service
news:politico.com | media | Politico; POLITICO
news:thehill.com | media | The Hill
news:axios.com | media | Axios
news:buzzfeed.com | media | BuzzFeed; BuzzFeed News
news:vox.com | media | Vox; Vox Media
news:wired.com | media | Wired{ambiguous=1}; WIRED
news:techcrunch.com | media | TechCrunch
news:arstechnica.com | media | Ars Technica
news:engadget.com | media | Engadget
news:recode.net | media | Recode
news:theguardian.com | media | The Guardian; Guardian{ambiguous=1}
news:lemonde.fr | media | Le Monde
news:lefigaro.fr | media | Le Figaro
news:spiegel.de | media | Der Spiegel; Spiegel; Spiegel Online
news:faz.net | media | Frankfurter Allgemeine Zeitung; Frankfurter Allgemeine; FAZ{case=exact}
news:sueddeutsche.de | media | Süddeutsche Zeitung; Sueddeutsche Zeitung
news:bild.de | media | Bild{ambiguous=1}; Bild-Zeitung
news:elpais.com | media | El País; El Pais
news:corriere.it | media | Corriere della Sera
news:xinhuanet.com | media | Xinhua; Xinhua News Agency
news:globaltimes.cn | media | Global Times
news:chinadaily.com.cn | media | China Daily
news:aljazeera.com | media | Al Jazeera; Al-Jazeera; Aljazeera
news:alarabiya.net | media | Al Arabiya; Al-Arabiya
news:rt.com | media | RT{case=exact,ambiguous=1}; Russia Today
news:tass.com | media | TASS; ITAR-TASS
news:interfax.com | media | Interfax
news:ria.ru | media | RIA Novosti
news:kyodonews.net | media | Kyodo News; Kyodo
news:nhk.or.jp | media | NHK
news:yonhapnews.co.kr | media | Yonhap; Yonhap News Agency
news:ft.com | media | Financial Times; FT{case=exact,ambiguous=1}
news:economist.com | media | The Economist; Economist{ambiguous=1}
news:thetimes.co.uk | media | The Times{ambiguous=1}; The Sunday Times
news:telegraph.co.uk | media | The Daily Telegraph; The Telegraph; Daily Telegraph
news:independent.co.uk | media | The Independent
news:dailymail.co.uk | media | Daily Mail; The Daily Mail; Mail on Sunday
news:thesun.co.uk | media | The Sun{ambiguous=1}
news:mirror.co.uk | media | Daily Mirror
news:skynews.com | media | Sky News
news:itv.com | media | ITV; ITV News
news:cbc.ca | media | CBC{case=exact}; Canadian Broadcasting Corporation; CBC News
news:theglobeandmail.com | media | The Globe and Mail; Globe and Mail
news:abc.net.au | media | Australian Broadcasting Corporation
news:smh.com.au | media | The Sydney Morning Herald; Sydney Morning Herald
news:timesofindia.com | media | The Times of India; Times of India
news:thehindu.com | media | The Hindu
news:haaretz.com | media | Haaretz
news:jpost.com | media | The Jerusalem Post; Jerusalem Post
news:timesofisrael.com | media | The Times of Israel; Times of Israel
news:dw.com | media | Deutsche Welle; DW{case=exact}
news:france24.com | media | France 24
news:euronews.com | media | Euronews
news:voanews.com | media | Voice of America; VOA
news:rferl.org | media | Radio Free Europe/Radio Liberty; Radio Free Europe; RFE/RL
news:time.com | media | Time magazine; TIME{case=exact,ambiguous=1}
news:newsweek.com | media | Newsweek
news:theatlantic.com | media | The Atlantic
news:newyorker.com | media | The New Yorker; New Yorker
news:newrepublic.com | media | The New Republic
news:nationalreview.com | media | National Review
news:motherjones.com | media | Mother Jones
news:thenation.com | media | The Nation
news:slate.com | media | Slate{ambiguous=1}
news:salon.com | media | Salon{ambiguous=1}
news:huffpost.com | media | HuffPost; Huffington Post; The Huffington Post
news:breitbart.com | media | Breitbart; Breitbart News
news:dailycaller.com | media | The Daily Caller; Daily Caller
news:washingtonexaminer.com | media | Washington Examiner; The Washington Examiner
news:washingtontimes.com | media | The Washington Times; Washington Times
news:nypost.com | media | New York Post; The New York Post
news:nydailynews.com | media | New York Daily News
news:forbes.com | media | Forbes
news:fortune.com | media | Fortune{ambiguous=1}; Fortune magazine
news:businessinsider.com | media | Business Insider; Insider{ambiguous=1}
news:marketwatch.com | media | MarketWatch
news:barrons.com | media | Barron's
news:propublica.org | media | ProPublica
news:theintercept.com | media | The Intercept
news:vice.com | media | Vice News; VICE
news:mashable.com | media | Mashable
news:cnet.com | media | CNET
news:zdnet.com | media | ZDNet
news:venturebeat.com | media | VentureBeat
news:theinformation.com | media | The Information
news:rollingstone.com | media | Rolling Stone
news:variety.com | media | Variety{ambiguous=1}
news:hollywoodreporter.com | media | The Hollywood Reporter; Hollywood Reporter
news:espn.com | media | ESPN
news:sinclairbroadcastgroup.com | media | Sinclair Broadcast Group; Sinclair{ambiguous=1}
news:nexstar.tv | media | Nexstar Media Group; Nexstar
news:gannett.com | media | Gannett
news:mcclatchy.com | media | McClatchy
news:tribunepub.com | media | Tribune Publishing; Tronc
news:univision.com | media | Univision
news:telemundo.com | media | Telemundo
news:hbo.com | media | HBO
news:al-monitor.com | media | Al-Monitor
news:scmp.com | media | South China Morning Post
news:straitstimes.com | media | The Straits Times; Straits Times
news:asahi.com | media | Asahi Shimbun; The Asahi Shimbun
news:yomiuri.co.jp | media | Yomiuri Shimbun; The Yomiuri Shimbun
news:nikkei.com | media | Nikkei; Nikkei Asia
news:lastampa.it | media | La Stampa
news:repubblica.it | media | La Repubblica
news:ansa.it | media | ANSA
news:efe.com | media | EFE{case=exact}; Agencia EFE
news:dpa.com | media | Deutsche Presse-Agentur; DPA{case=exact}; dpa{case=exact}
news:pap.pl | media | Polish Press Agency
news:anadolu.com.tr | media | Anadolu Agency; Anadolu{ambiguous=1}
news:irna.ir | media | IRNA; Islamic Republic News Agency
news:kcna.kp | media | Korean Central News Agency; KCNA
news:wafa.ps | media | WAFA{case=exact}
news:pti.in | media | Press Trust of India; PTI{case=exact}
news:dawn.com | media | Dawn{case=exact,ambiguous=1}
news:mg.co.za | media | Mail & Guardian
news:news24.com | media | News24
news:clarin.com | media | Clarín; Clarin
news:globo.com | media | O Globo; TV Globo; Globo{ambiguous=1}
news:folha.uol.com.br | media | Folha de S.Paulo; Folha de São Paulo
"""

CURATED_ORGS = """
# --- technology and consumer companies people write by short name
ticker:META | company | Meta Platforms; Meta{ambiguous=1}; Facebook; Facebook Inc.; Facebook, Inc.
ticker:META | company | Instagram; WhatsApp; Oculus
ticker:GOOGL | company | Google; Google LLC; Google Inc.; Alphabet; Alphabet Inc.; YouTube; DeepMind; Google DeepMind; Waymo
ticker:AMZN | company | Amazon{ambiguous=1}; Amazon.com; Amazon.com Inc.; Amazon Web Services; AWS{case=exact}; Whole Foods; Whole Foods Market
ticker:MSFT | company | Microsoft; Microsoft Corp.; Microsoft Corporation; LinkedIn; GitHub
ticker:AAPL | company | Apple Inc.; Apple{ambiguous=1}; Apple Computer
org:twitter | company | Twitter; Twitter Inc.; Twitter, Inc.; X Corp.
org:xai | company | xAI
org:openai | company | OpenAI
org:anthropic | company | Anthropic
ticker:NVDA | company | Nvidia; NVIDIA
ticker:INTC | company | Intel{ambiguous=1}; Intel Corp.
ticker:AMD | company | AMD; Advanced Micro Devices
ticker:IBM | company | IBM; International Business Machines
ticker:ORCL | company | Oracle Corp.; Oracle{ambiguous=1}
ticker:CSCO | company | Cisco; Cisco Systems
ticker:CRM | company | Salesforce
ticker:ADBE | company | Adobe; Adobe Systems
ticker:NFLX | company | Netflix
ticker:TSLA | company | Tesla; Tesla Motors
org:spacex | company | SpaceX
ticker:UBER | company | Uber; Uber Technologies
ticker:LYFT | company | Lyft
ticker:ABNB | company | Airbnb
ticker:SNAP | company | Snap Inc.; Snapchat
ticker:PINS | company | Pinterest
ticker:RDDT | company | Reddit
ticker:SPOT | company | Spotify
ticker:PYPL | company | PayPal
ticker:EBAY | company | eBay
ticker:QCOM | company | Qualcomm
ticker:AVGO | company | Broadcom
ticker:TXN | company | Texas Instruments
ticker:HPQ | company | HP Inc.; Hewlett-Packard
ticker:HPE | company | Hewlett Packard Enterprise
ticker:DELL | company | Dell Technologies; Dell{ambiguous=1}
ticker:T | company | AT&T
ticker:VZ | company | Verizon; Verizon Communications
ticker:TMUS | company | T-Mobile
ticker:CMCSA | company | Comcast; NBCUniversal
ticker:DIS | company | Disney; Walt Disney; The Walt Disney Company; Walt Disney Co.
ticker:WBD | company | Warner Bros. Discovery; Warner Bros.; Warner Bros
ticker:PARA | company | Paramount; Paramount Global; ViacomCBS; Viacom
ticker:WMT | company | Walmart; Wal-Mart
ticker:COST | company | Costco
ticker:TGT | company | Target Corp.; Target{ambiguous=1}
ticker:HD | company | Home Depot; The Home Depot
ticker:LOW | company | Lowe's
ticker:KO | company | Coca-Cola; Coca-Cola Company; Coke{ambiguous=1}
ticker:PEP | company | PepsiCo; Pepsi
ticker:MCD | company | McDonald's
ticker:SBUX | company | Starbucks
ticker:NKE | company | Nike
ticker:BA | company | Boeing
ticker:LMT | company | Lockheed Martin
ticker:RTX | company | Raytheon; RTX
ticker:NOC | company | Northrop Grumman
ticker:GD | company | General Dynamics
ticker:GE | company | General Electric; GE{case=exact}
ticker:GM | company | General Motors; GM{case=exact}
ticker:F | company | Ford Motor; Ford Motor Company; Ford{ambiguous=1}
ticker:XOM | company | Exxon Mobil; ExxonMobil; Exxon
ticker:CVX | company | Chevron
ticker:JPM | company | JPMorgan Chase; JPMorgan; JP Morgan; J.P. Morgan
ticker:GS | company | Goldman Sachs
ticker:MS | company | Morgan Stanley
ticker:BAC | company | Bank of America
ticker:C | company | Citigroup; Citibank; Citi
ticker:WFC | company | Wells Fargo
ticker:BRK-B | company | Berkshire Hathaway
ticker:BLK | company | BlackRock
ticker:V | company | Visa Inc.; Visa{ambiguous=1}
ticker:MA | company | Mastercard
ticker:AXP | company | American Express
ticker:JNJ | company | Johnson & Johnson
ticker:PFE | company | Pfizer
ticker:MRNA | company | Moderna
ticker:MRK | company | Merck; Merck & Co.
ticker:LLY | company | Eli Lilly
ticker:UNH | company | UnitedHealth; UnitedHealth Group
ticker:CVS | company | CVS Health; CVS{case=exact}
ticker:WBA | company | Walgreens
ticker:PG | company | Procter & Gamble; P&G
ticker:UPS | company | UPS; United Parcel Service
ticker:FDX | company | FedEx
ticker:DAL | company | Delta Air Lines
ticker:UAL | company | United Airlines
ticker:AAL | company | American Airlines
ticker:LUV | company | Southwest Airlines
ticker:MMM | company | 3M
ticker:CAT | company | Caterpillar
ticker:BKNG | company | Booking Holdings
ticker:ZM | company | Zoom Video Communications
ticker:SHOP | company | Shopify
ticker:SONY | company | Sony; Sony Group
ticker:TM | company | Toyota; Toyota Motor
ticker:HMC | company | Honda; Honda Motor
ticker:BABA | company | Alibaba; Alibaba Group
ticker:BIDU | company | Baidu
ticker:JD | company | JD.com
ticker:PDD | company | Pinduoduo; Temu
ticker:TSM | company | TSMC; Taiwan Semiconductor Manufacturing Company; Taiwan Semiconductor
ticker:ASML | company | ASML
ticker:SAP | company | SAP{case=exact}
ticker:NVO | company | Novo Nordisk
ticker:AZN | company | AstraZeneca
ticker:GSK | company | GlaxoSmithKline; GSK
ticker:SHEL | company | Shell plc; Royal Dutch Shell; Shell{ambiguous=1}
ticker:BP | company | BP{case=exact}; British Petroleum
ticker:UL | company | Unilever
ticker:NSRGY | company | Nestlé; Nestle
ticker:HSBC | company | HSBC
ticker:BCS | company | Barclays
ticker:UBS | company | UBS
ticker:DB | company | Deutsche Bank
ticker:SIEGY | company | Siemens
org:tencent | company | Tencent
org:huawei | company | Huawei; Huawei Technologies
org:zte | company | ZTE{case=exact}
org:bytedance | company | ByteDance
org:tiktok | company | TikTok
org:samsung | company | Samsung; Samsung Electronics
org:lg | company | LG Electronics
org:hyundai | company | Hyundai; Hyundai Motor
org:volkswagen | company | Volkswagen; VW{case=exact}
org:bmw | company | BMW
org:daimler | company | Daimler; Mercedes-Benz
org:airbus | company | Airbus
org:gazprom | company | Gazprom
org:rosneft | company | Rosneft
org:aramco | company | Saudi Aramco; Aramco
org:kaspersky | company | Kaspersky Lab; Kaspersky
org:foxconn | company | Foxconn; Hon Hai
org:xiaomi | company | Xiaomi
org:nissan | company | Nissan
org:renault | company | Renault
org:fiat | company | Fiat Chrysler; Stellantis
org:ikea | company | IKEA; Ikea
org:lvmh | company | LVMH
org:cambridge-analytica | company | Cambridge Analytica
org:palantir | company | Palantir; Palantir Technologies
org:koch | company | Koch Industries
org:purdue | company | Purdue Pharma
org:wikileaks | organization | WikiLeaks
org:wikipedia | organization | Wikipedia; Wikimedia Foundation
org:mozilla | organization | Mozilla; Mozilla Foundation

# --- international organizations
org:un | international | United Nations; UN{case=exact}; U.N.; UN Security Council; U.N. Security Council; United Nations Security Council; Security Council{ambiguous=1}; UN General Assembly; United Nations General Assembly
org:unicef | international | UNICEF; United Nations Children's Fund
org:unhcr | international | UNHCR; United Nations High Commissioner for Refugees; UN Refugee Agency; U.N. refugee agency
org:unesco | international | UNESCO
org:undp | international | United Nations Development Programme; UNDP
org:wfp | international | World Food Programme; World Food Program; WFP
org:fao | international | Food and Agriculture Organization; FAO
org:iaea | international | International Atomic Energy Agency; IAEA
org:unrwa | international | UNRWA
org:ohchr | international | UN Human Rights Council; United Nations Human Rights Council; Human Rights Council
org:nato | international | NATO; North Atlantic Treaty Organization; Nato
org:eu | international | European Union; EU{case=exact}; E.U.
org:ec | international | European Commission; EU Commission
org:ep | legislature | European Parliament
org:euco | international | European Council; Council of the European Union
org:ecb | international | European Central Bank; ECB
org:coe | international | Council of Europe
org:echr | court | European Court of Human Rights
org:cjeu | court | European Court of Justice; Court of Justice of the European Union
org:worldbank | international | World Bank; World Bank Group
org:imf | international | International Monetary Fund; IMF
org:who | international | World Health Organization; WHO{case=exact}
org:wto | international | World Trade Organization; WTO
org:opec | international | OPEC; Organization of the Petroleum Exporting Countries
org:oecd | international | OECD; Organisation for Economic Co-operation and Development; Organization for Economic Cooperation and Development
org:osce | international | OSCE; Organization for Security and Co-operation in Europe
org:asean | international | ASEAN; Association of Southeast Asian Nations
org:au | international | African Union
org:arab-league | international | Arab League; League of Arab States
org:gcc | international | Gulf Cooperation Council
org:oas | international | Organization of American States
org:apec | international | Asia-Pacific Economic Cooperation; APEC
org:g7 | international | Group of Seven; G7; G-7
org:g20 | international | Group of 20; G20; G-20
org:brics | international | BRICS
org:sco | international | Shanghai Cooperation Organization; Shanghai Cooperation Organisation
org:ecowas | international | ECOWAS; Economic Community of West African States
org:mercosur | international | Mercosur
org:commonwealth | international | Commonwealth of Nations
org:interpol | international | Interpol; INTERPOL
org:europol | international | Europol
org:ioc | sports | International Olympic Committee; IOC
org:icrc | ngo | International Committee of the Red Cross; ICRC; Red Cross; American Red Cross; Red Crescent
org:ifrc | ngo | International Federation of Red Cross and Red Crescent Societies; IFRC
org:amnesty | ngo | Amnesty International
org:hrw | ngo | Human Rights Watch
org:msf | ngo | Doctors Without Borders; Medecins Sans Frontieres; Médecins Sans Frontières; MSF{case=exact}
org:greenpeace | ngo | Greenpeace
org:wwf | ngo | World Wildlife Fund; World Wide Fund for Nature; WWF
org:oxfam | ngo | Oxfam
org:save-the-children | ngo | Save the Children
org:aclu | ngo | American Civil Liberties Union; ACLU
org:naacp | ngo | NAACP; National Association for the Advancement of Colored People
org:splc | ngo | Southern Poverty Law Center
org:nra | ngo | National Rifle Association; NRA
org:aarp | ngo | AARP
org:afl-cio | ngo | AFL-CIO
org:chamber | ngo | U.S. Chamber of Commerce; Chamber of Commerce
org:heritage | ngo | Heritage Foundation; The Heritage Foundation
org:brookings | ngo | Brookings Institution
org:cato | ngo | Cato Institute
org:aei | ngo | American Enterprise Institute
org:cfr | ngo | Council on Foreign Relations
org:rand | ngo | RAND Corporation
org:pew | ngo | Pew Research Center
org:gates | ngo | Bill & Melinda Gates Foundation; Gates Foundation
org:planned-parenthood | ngo | Planned Parenthood
org:eff | ngo | Electronic Frontier Foundation
org:transparency | ngo | Transparency International
org:rsf | ngo | Reporters Without Borders; Reporters Sans Frontieres
org:cpj | ngo | Committee to Protect Journalists
org:hamas | organization | Hamas
org:hezbollah | organization | Hezbollah; Hizbollah
org:taliban | organization | Taliban; the Taliban
org:al-qaeda | organization | al-Qaeda; al Qaeda; Al-Qaeda; Al Qaeda; al-Qaida
org:isis | organization | Islamic State; ISIS; ISIL; Islamic State of Iraq and Syria; Daesh
org:ms13 | organization | MS-13
org:plo | organization | Palestine Liberation Organization; PLO
org:pa | government | Palestinian Authority
org:irgc | government | Islamic Revolutionary Guard Corps; Revolutionary Guards; IRGC
org:kgb | government | KGB
org:fsb | government | Federal Security Service; FSB{case=exact}
org:mossad | government | Mossad
org:mi6 | government | MI6; Secret Intelligence Service
org:mi5 | government | MI5
org:gchq | government | GCHQ
org:pla | government | People's Liberation Army; PLA{case=exact}
org:idf | government | Israel Defense Forces; IDF

# --- sports: leagues and governing bodies
org:nfl | sports | National Football League; NFL
org:nba | sports | National Basketball Association; NBA
org:mlb | sports | Major League Baseball; MLB
org:nhl | sports | National Hockey League; NHL
org:mls | sports | Major League Soccer; MLS{case=exact}
org:wnba | sports | WNBA; Women's National Basketball Association
org:ncaa | sports | NCAA; National Collegiate Athletic Association
org:pga | sports | PGA Tour; PGA{case=exact}
org:atp | sports | Association of Tennis Professionals; ATP{case=exact}
org:wta | sports | Women's Tennis Association; WTA{case=exact}
org:fifa | sports | FIFA
org:uefa | sports | UEFA
org:premier-league | sports | Premier League; English Premier League
org:bundesliga | sports | Bundesliga
org:laliga | sports | La Liga; LaLiga
org:serie-a | sports | Serie A
org:ligue-1 | sports | Ligue 1
org:fa | sports | Football Association; The FA
org:wada | sports | World Anti-Doping Agency; WADA
org:usoc | sports | U.S. Olympic Committee; United States Olympic Committee; USOPC
org:usada | sports | U.S. Anti-Doping Agency; USADA
org:formula1 | sports | Formula One; Formula 1; F1{case=exact}
org:nascar | sports | NASCAR
org:ufc | sports | UFC; Ultimate Fighting Championship
org:icc | sports | International Cricket Council
# --- football clubs
org:arsenal | sports | Arsenal; Arsenal F.C.; Arsenal FC
org:chelsea | sports | Chelsea F.C.; Chelsea FC
org:liverpool | sports | Liverpool F.C.; Liverpool FC
org:man-utd | sports | Manchester United; Man United; Man Utd
org:man-city | sports | Manchester City; Man City
org:tottenham | sports | Tottenham Hotspur; Tottenham; Spurs
org:everton | sports | Everton; Everton F.C.
org:newcastle | sports | Newcastle United
org:west-ham | sports | West Ham United; West Ham
org:aston-villa | sports | Aston Villa
org:leicester | sports | Leicester City
org:leeds | sports | Leeds United
org:wolves | sports | Wolverhampton Wanderers
org:crystal-palace | sports | Crystal Palace
org:brighton | sports | Brighton & Hove Albion; Brighton and Hove Albion
org:southampton | sports | Southampton F.C.
org:nottingham-forest | sports | Nottingham Forest
org:fulham | sports | Fulham F.C.
org:bournemouth | sports | AFC Bournemouth
org:brentford | sports | Brentford F.C.
org:burnley | sports | Burnley F.C.
org:sunderland | sports | Sunderland A.F.C.
org:blackburn | sports | Blackburn Rovers
org:celtic | sports | Celtic F.C.; Celtic FC
org:rangers-fc | sports | Rangers F.C.; Glasgow Rangers
org:bayern | sports | Bayern Munich; FC Bayern Munich; Bayern München; FC Bayern
org:dortmund | sports | Borussia Dortmund
org:gladbach | sports | Borussia Mönchengladbach; Borussia Moenchengladbach
org:leverkusen | sports | Bayer Leverkusen
org:schalke | sports | Schalke 04; Schalke
org:werder | sports | Werder Bremen
org:hamburg | sports | Hamburger SV; Hamburg SV
org:stuttgart | sports | VfB Stuttgart
org:frankfurt | sports | Eintracht Frankfurt
org:wolfsburg | sports | VfL Wolfsburg
org:rb-leipzig | sports | RB Leipzig
org:hertha | sports | Hertha BSC; Hertha Berlin
org:koln | sports | 1. FC Köln; FC Cologne
org:union-berlin | sports | Union Berlin; 1. FC Union Berlin
org:freiburg | sports | SC Freiburg
org:hoffenheim | sports | TSG Hoffenheim; Hoffenheim
org:mainz | sports | Mainz 05; FSV Mainz 05
org:kaiserslautern | sports | 1. FC Kaiserslautern; Kaiserslautern
org:real-madrid | sports | Real Madrid
org:barcelona | sports | FC Barcelona; Barcelona FC; Barca; Barça
org:atletico | sports | Atletico Madrid; Atlético Madrid; Atletico de Madrid
org:sevilla | sports | Sevilla FC
org:valencia | sports | Valencia CF
org:athletic-bilbao | sports | Athletic Bilbao
org:juventus | sports | Juventus; Juventus FC
org:ac-milan | sports | AC Milan
org:inter | sports | Inter Milan; Internazionale
org:napoli | sports | Napoli; SSC Napoli
org:as-roma | sports | AS Roma
org:lazio | sports | Lazio; SS Lazio
org:psg | sports | Paris Saint-Germain; PSG
org:marseille | sports | Olympique de Marseille
org:lyon | sports | Olympique Lyonnais
org:ajax | sports | Ajax Amsterdam; AFC Ajax
org:psv | sports | PSV Eindhoven
org:feyenoord | sports | Feyenoord
org:benfica | sports | Benfica; SL Benfica
org:porto | sports | FC Porto
org:sporting | sports | Sporting Lisbon; Sporting CP
org:galatasaray | sports | Galatasaray
org:fenerbahce | sports | Fenerbahce; Fenerbahçe
org:boca | sports | Boca Juniors
org:river-plate | sports | River Plate
# --- US teams (nicknames that are ordinary words are marked ambiguous)
org:yankees | sports | New York Yankees; Yankees
org:red-sox | sports | Boston Red Sox; Red Sox
org:dodgers | sports | Los Angeles Dodgers; Dodgers
org:cubs | sports | Chicago Cubs; Cubs{ambiguous=1}
org:mets | sports | New York Mets; Mets
org:white-sox | sports | Chicago White Sox; White Sox
org:sf-giants | sports | San Francisco Giants
org:astros | sports | Houston Astros; Astros
org:braves | sports | Atlanta Braves
org:cardinals-mlb | sports | St. Louis Cardinals
org:phillies | sports | Philadelphia Phillies; Phillies
org:orioles | sports | Baltimore Orioles
org:mariners | sports | Seattle Mariners
org:lakers | sports | Los Angeles Lakers; Lakers
org:celtics | sports | Boston Celtics; Celtics
org:warriors | sports | Golden State Warriors
org:knicks | sports | New York Knicks; Knicks
org:bulls | sports | Chicago Bulls
org:heat | sports | Miami Heat
org:cavaliers | sports | Cleveland Cavaliers
org:spurs-nba | sports | San Antonio Spurs
org:clippers | sports | Los Angeles Clippers; Clippers
org:76ers | sports | Philadelphia 76ers; 76ers; Sixers
org:nets | sports | Brooklyn Nets
org:raptors | sports | Toronto Raptors
org:patriots | sports | New England Patriots
org:cowboys | sports | Dallas Cowboys
org:packers | sports | Green Bay Packers; Packers
org:steelers | sports | Pittsburgh Steelers; Steelers
org:ny-giants | sports | New York Giants
org:ny-jets | sports | New York Jets
org:eagles | sports | Philadelphia Eagles
org:49ers | sports | San Francisco 49ers; 49ers
org:chiefs | sports | Kansas City Chiefs
org:redskins | sports | Washington Redskins; Washington Commanders
org:broncos | sports | Denver Broncos
org:seahawks | sports | Seattle Seahawks; Seahawks
org:bears | sports | Chicago Bears
org:raiders | sports | Oakland Raiders; Las Vegas Raiders
org:rangers-nhl | sports | New York Rangers
org:bruins | sports | Boston Bruins
org:blackhawks | sports | Chicago Blackhawks
org:maple-leafs | sports | Toronto Maple Leafs; Maple Leafs
org:canadiens | sports | Montreal Canadiens

# --- legislatures, governments and courts worldwide
org:uk-parliament | legislature | Parliament{ambiguous=1}; British Parliament; UK Parliament; Parliament of the United Kingdom; House of Commons; House of Lords
org:uk-gov | government | Downing Street; 10 Downing Street; Whitehall{ambiguous=1}; Foreign Office; Home Office; Ministry of Defence; Bank of England
org:bundestag | legislature | Bundestag; German Bundestag
org:bundesrat | legislature | Bundesrat
org:bundesbank | government | Bundesbank; Deutsche Bundesbank
org:knesset | legislature | Knesset
org:duma | legislature | State Duma; Duma
org:kremlin | government | Kremlin; the Kremlin
org:fed-assembly-ru | legislature | Federation Council
org:npc | legislature | National People's Congress; NPC{case=exact}
org:ccp | party | Chinese Communist Party; Communist Party of China; CCP; CPC{case=exact}
org:politburo | government | Politburo; Politburo Standing Committee
org:assemblee | legislature | National Assembly of France; French National Assembly; Assemblée nationale
org:elysee | government | Elysee Palace; Élysée Palace; Elysee; Élysée
org:senat-fr | legislature | French Senate
org:cortes | legislature | Cortes Generales; Congress of Deputies
org:italian-parliament | legislature | Italian Parliament; Chamber of Deputies
org:lok-sabha | legislature | Lok Sabha
org:rajya-sabha | legislature | Rajya Sabha
org:diet | legislature | National Diet; Diet of Japan
org:canadian-parliament | legislature | House of Commons of Canada; Parliament of Canada; Canadian Parliament
org:australian-parliament | legislature | Parliament of Australia; Australian Parliament
org:majlis | legislature | Majlis; Iranian Parliament
org:verkhovna-rada | legislature | Verkhovna Rada
org:sejm | legislature | Sejm
org:riksdag | legislature | Riksdag
org:storting | legislature | Storting
org:folketing | legislature | Folketing
org:dail | legislature | Dáil Éireann; Dail
org:oireachtas | legislature | Oireachtas
org:scottish-parliament | legislature | Scottish Parliament
org:senedd | legislature | Senedd; Welsh Assembly
org:stormont | legislature | Northern Ireland Assembly; Stormont
org:national-assembly-kr | legislature | National Assembly of South Korea
org:tbmm | legislature | Grand National Assembly of Turkey; Turkish Parliament
org:pan-african-parliament | legislature | Pan-African Parliament
org:icc-court | court | International Criminal Court; ICC{case=exact}
org:icj | court | International Court of Justice; ICJ; World Court
org:pca | court | Permanent Court of Arbitration
org:uk-supreme-court | court | Supreme Court of the United Kingdom; UK Supreme Court
org:bverfg | court | Federal Constitutional Court; Constitutional Court of Germany
org:high-court | court | High Court{ambiguous=1}
org:scc | court | Supreme Court of Canada
org:sci | court | Supreme Court of India
org:court-of-appeals-dc | court | U.S. Court of Appeals for the District of Columbia Circuit; D.C. Circuit
org:court-of-appeals-9 | court | Ninth Circuit; 9th Circuit; U.S. Court of Appeals for the Ninth Circuit
org:court-of-appeals-5 | court | Fifth Circuit; 5th Circuit; U.S. Court of Appeals for the Fifth Circuit
org:court-of-appeals-2 | court | Second Circuit; 2nd Circuit; U.S. Court of Appeals for the Second Circuit
org:court-of-appeals-4 | court | Fourth Circuit; 4th Circuit; U.S. Court of Appeals for the Fourth Circuit
org:fisc | court | Foreign Intelligence Surveillance Court; FISA Court

# --- political parties
party:us:democratic | party | Democratic Party; Democratic National Committee; DNC{case=exact}; Democratic Congressional Campaign Committee; DCCC; Democratic Senatorial Campaign Committee; DSCC
party:us:republican | party | Republican Party; GOP; Republican National Committee; RNC{case=exact}; National Republican Congressional Committee; NRCC; National Republican Senatorial Committee; NRSC
party:us:libertarian | party | Libertarian Party
party:us:green | party | Green Party of the United States
party:us:tea-party | party | Tea Party; Tea Party movement
party:uk:conservative | party | Conservative Party; Conservatives{ambiguous=1}; Tories; Tory Party
party:uk:labour | party | Labour Party; Labour{ambiguous=1}; British Labour Party
party:uk:libdem | party | Liberal Democrats; Lib Dems
party:uk:snp | party | Scottish National Party; SNP
party:uk:ukip | party | UK Independence Party; UKIP
party:uk:reform | party | Reform UK; Brexit Party
party:uk:dup | party | Democratic Unionist Party; DUP
party:uk:sinn-fein | party | Sinn Fein; Sinn Féin
party:uk:plaid | party | Plaid Cymru
party:de:cdu | party | Christian Democratic Union; CDU
party:de:csu | party | Christian Social Union; CSU
party:de:spd | party | Social Democratic Party of Germany; SPD
party:de:fdp | party | Free Democratic Party; FDP; Free Democrats
party:de:greens | party | Alliance 90/The Greens; German Greens
party:de:afd | party | Alternative for Germany; AfD; Alternative für Deutschland
party:de:linke | party | Die Linke; The Left Party
party:fr:lr | party | The Republicans (France); Les Républicains
party:fr:ps | party | French Socialist Party; Parti Socialiste
party:fr:rn | party | National Rally; Rassemblement National; National Front (France); Front National
party:fr:renaissance | party | La République En Marche; En Marche; Renaissance (France)
party:fr:lfi | party | La France Insoumise; France Unbowed
party:it:pd | party | Democratic Party (Italy); Partito Democratico
party:it:fdi | party | Brothers of Italy; Fratelli d'Italia
party:it:lega | party | Lega Nord; Northern League; The League (Italy)
party:it:m5s | party | Five Star Movement; M5S
party:it:fi | party | Forza Italia
party:es:pp | party | People's Party (Spain); Partido Popular
party:es:psoe | party | Spanish Socialist Workers' Party; PSOE
party:es:vox | party | Vox party
party:es:podemos | party | Podemos
party:nl:vvd | party | People's Party for Freedom and Democracy; VVD
party:nl:pvv | party | Party for Freedom; PVV
party:at:ovp | party | Austrian People's Party; ÖVP; OVP
party:at:fpo | party | Freedom Party of Austria; FPÖ; FPO
party:hu:fidesz | party | Fidesz
party:pl:pis | party | Law and Justice; PiS{case=exact}
party:pl:po | party | Civic Platform
party:ru:ur | party | United Russia
party:ru:kprf | party | Communist Party of the Russian Federation
party:in:bjp | party | Bharatiya Janata Party; BJP
party:in:inc | party | Indian National Congress; Congress Party
party:jp:ldp | party | Liberal Democratic Party of Japan; LDP{case=exact}
party:za:anc | party | African National Congress; ANC
party:za:da | party | Democratic Alliance (South Africa)
party:za:eff | party | Economic Freedom Fighters
party:il:likud | party | Likud
party:il:labor | party | Israeli Labor Party
party:tr:akp | party | Justice and Development Party; AKP; AK Party
party:tr:chp | party | Republican People's Party; CHP
party:ca:liberal | party | Liberal Party of Canada
party:ca:conservative | party | Conservative Party of Canada
party:ca:ndp | party | New Democratic Party; NDP{case=exact}
party:au:labor | party | Australian Labor Party
party:au:liberal | party | Liberal Party of Australia
party:br:pt | party | Workers' Party (Brazil); Partido dos Trabalhadores
party:mx:morena | party | Morena{case=exact,ambiguous=1}; National Regeneration Movement
party:mx:pri | party | Institutional Revolutionary Party; PRI{case=exact}
party:mx:pan | party | National Action Party
party:ve:psuv | party | United Socialist Party of Venezuela; PSUV
party:kp:wpk | party | Workers' Party of Korea
party:ps:fatah | party | Fatah
party:ie:ff | party | Fianna Fáil; Fianna Fail
party:ie:fg | party | Fine Gael
party:gr:syriza | party | Syriza; SYRIZA
party:gr:nd | party | New Democracy (Greece)
party:se:sd | party | Sweden Democrats
party:pk:pti | party | Pakistan Tehreek-e-Insaf
party:pk:pmln | party | Pakistan Muslim League (N); PML-N
"""

# Hand-written place names for the PLACE evidence list (gazetteers/evidence/places.tsv), one a
# line: well-known places the CIA World Factbook does not list under these names (it lists
# countries' capitals, largest cities and first-order divisions). Facts only; CC0 1.0.
PLACES_CURATED = """
# Britain and Ireland
Britain
Great Britain
England
Scotland
Wales
Northern Ireland
Ulster
Yorkshire
Glasgow
Leeds
Oxford
Cambridge
Newcastle
# continents and world regions
Europe
Asia
Africa
North America
South America
Latin America
Central America
Antarctica
Oceania
Australasia
Eurasia
Middle East
Near East
Far East
East Asia
South Asia
Southeast Asia
Central Asia
West Africa
East Africa
North Africa
Southern Africa
Sub-Saharan Africa
Horn of Africa
Maghreb
Levant
Balkans
Baltics
Caucasus
Scandinavia
Benelux
Iberia
Western Europe
Eastern Europe
Central Europe
Mediterranean
Caribbean
Persian Gulf
Siberia
Sahara
Sahel
Arctic
Antarctic
Indian Ocean
Black Sea
Caspian Sea
North Sea
Baltic Sea
Himalayas
Alps
Andes
# regions often in the news
Gaza Strip
West Bank
Golan Heights
Kashmir
Kurdistan
Bengal
Xinjiang
Tibet
Manchuria
Patagonia
Andalusia
Flanders
Wallonia
Lombardy
Sicily
Provence
Alsace
Burgundy
Transylvania
Bohemia
Moravia
Ingushetia
South Ossetia
Nagorno-Karabakh
Bosnia
Herzegovina
Darfur
Java
Sumatra
Borneo
Mindanao
Luzon
# former names and other spellings of countries and cities
Kiev
Peking
Bombay
Calcutta
Madras
Rangoon
Saigon
Bonn
Leningrad
Stalingrad
Petrograd
Constantinople
Nanking
Nanjing
Dacca
Alma-Ata
Tiflis
Kishinev
Danzig
Yugoslavia
Czechoslovakia
Soviet Union
USSR
East Germany
West Germany
Macao
Bengaluru
St. Petersburg
St Petersburg
Marseilles
The Hague
# large cities beyond the Factbook's few largest of each country
Rawalpindi
Jalalabad
Fallujah
Ramallah
Hebron
Nablus
Bethlehem
Lausanne
Stuttgart
Dusseldorf
Düsseldorf
Dresden
Leipzig
Nuremberg
Marseille
Nantes
Monte Carlo
Venice
Genoa
Bologna
Seville
Bilbao
Malaga
Gdansk
Ghent
Gothenburg
Malmo
Yokohama
Wuhan
Chengdu
Soweto
Winnipeg
Acapulco
Dortmund
Duisburg
Bochum
Wuppertal
Bielefeld
Muenster
Münster
Karlsruhe
Mannheim
Augsburg
Wiesbaden
Gelsenkirchen
Rostock
Parma
Padua
Trieste
Catania
Brescia
Modena
Cagliari
Udine
Perugia
Strasbourg
Montpellier
Rennes
Reims
Le Havre
Saint-Etienne
Toulon
Grenoble
Dijon
Zaragoza
Valladolid
Vigo
Oviedo
Pamplona
San Sebastian

Tenerife
Las Palmas
Alicante
Eindhoven
Tilburg
Nijmegen
Maastricht
Arnhem
Bruges
Brugge
Gent
Liege
Charleroi
Norwich
Ipswich
West Bromwich
Larnaca
Piraeus
Patras
Salonika
Kharkov
Lvov
Kaunas
Tartu
Brno
Ostrava
Timisoara
Rijeka
Mostar
Tuzla
Banja Luka
Wroclaw
Poznan
Szczecin
Katowice
# large US cities
Los Angeles
San Francisco
San Diego
San Antonio
San Jose
Las Vegas
New Orleans
St. Louis
Minneapolis
Milwaukee
Kansas City
Indianapolis
Honolulu
Anchorage
Manhattan
Salt Lake City
El Paso
Fort Worth
Jacksonville
Oklahoma City
Louisville
Albuquerque
Tucson
Fresno
Omaha
Colorado Springs
Long Beach
Oakland
Tulsa
Tampa
Jersey City
"""

# Factbook places left out of the PLACE evidence list (hand-written): names that are also
# people's names or ordinary words and that the automatic filters in build.py let through.
PLACES_EXCLUDED = """
# named after people
Ho Chi Minh
Francisco Morazán
Francisco Morazan
Bolivar
Sucre
Santander
Morelos
Artigas
Lavalleja
Caldas
Rizal
Quezon
Kirov
# common first names or surnames outside the US
Vladimir
Orel
Kazan
Surin
Madeira
Dundee
Braga
Coimbra
Lucena
Chiba
Fukui
Fukushima
Ishikawa
Kagawa
Miyagi
Miyazaki
Nagano
Shiga
Toyama
Wakayama
Yamagata
Yamaguchi
Yamanashi
# ordinary English words
Acre
Afar
Antique
Ascension
Barking
Bath
Bury
Cabanas
Cascade
Cascades
Debar
Glens
Harrow
Hims
Juncos
Male
Mascara
Mono
Ogre
Oriental
Pecs
Perm
Pest
Quiche
Ruse
Saga
Saki
Slough
Tartar
"""

# Countries as sports results and news name them, besides the Factbook's short forms
# (COUNTRY evidence): the home nations that field their own sides, older and other
# spellings, and sides that stand for several countries.
COUNTRIES_CURATED = """
England
Scotland
Wales
Northern Ireland
Great Britain
Britain
Republic of Ireland
Dominican Republic
Holland
USA
U.S.
United States of America
Ivory Coast
Czech Republic
Cape Verde
East Timor
Swaziland
Macedonia
Turkey
UAE
Bosnia
Yugoslavia
Soviet Union
USSR
Czechoslovakia
West Germany
East Germany
Zaire
West Indies
"""
