/**
 * Given names people are called by, in the languages podcasts are written in, folded (lower case, no accents). A
 * language fact, as the lexicon's cues are, not anything read from the corpora: a capitalised run that opens with one
 * is likelier a person than a product or a phrase ("Ada Byron" against "Event Storming"). Names that are everyday
 * words a title may open with ("Grace", "Hope", "Summer", "Art") and function words ("Per", "Will") are left out.
 * chooseGuests asks more of the model's belief for a name that opens with none (extract.ts, knownGivenName); a name
 * missing here is only held to that higher bar, never dropped. Written from general knowledge of naming in each
 * language; add freely.
 */
const GIVEN = `
aad aarav aaron abby abdallah abdel abdelaziz abdelfattah abdelkader abdelkrim abderrahim abdul abdulaziz
abdullah abe abel abena abhishek abigail abraham ace achieng achim ada adalberto adam adan addison ade adebayo
adel adela adele adelheid adeline adeola adewale aditi aditya adnan adolf adolfo adriaan adrian adriana adriano
adrianus adrien adrienne adunni afonso agata agatha agathe agnar agnes agnese agneta agnieszka agostino agustin
ahmad ahmed ahmet aidan aiden aiko ailsa aime ainhoa aino aisha aisling aitor aj ajay akash aki akiko akinyi
akira akosua akram akshay alain alan alana alasdair alba albane albert alberto albin albrecht alda aldo alec
aleix alejandra alejandro aleksander aleksandr aleksandra aleksei alena ales alessandra alessandro alessia
alessio alex alexa alexander alexandra alexandre alexandros alexandru alexei alexey alexis alfie alfio alfonso
alfred alfredo algirdas ali alice alicia alicja alina aline alison alissa alistair allan allen allison ally alma
alois alok alper alton alvaro alvin alwin alyssa ama amado amaia amaka amal amalia amanda amandine amani amara
amartya amaya amber ambra ambrose amedeo amelia amelie amin amina amir amira amit amos amparo amrita amy ana
anabel anabela anais anand anas anastasia anastasios anatoly ander anders andras andre andrea andreas andreea
andrei andreia andrej andres andrew andrey andris andrzej andy ane aneta anette angel angela angeles angelica
angelika angeliki angelina angelo angharad angie angus anika aniko anil anirudh anita anja anjali anke ankit
ankur ann anna annabel anne annegret anneke annelies annemarie annette anni annick annie ansel ansgar anthony
antje antoine anton antonella antoni antonia antonin antonio antonis antti anupam anwar anya aoife apolline
arabella araceli aracely arantxa arash arcelia archie arend ari ariadna ariana arianna arie ariel arina arjen
arjun arkadiusz arkady arlene arlo arman armando armin arnau arnaud arndt arne arno arnold aroa aron artem
arthur arto artur arturo artyom arun aruna arvid arvind arvo asa asha asher ashish ashley ashok ashraf ashton
ashwin aslı asma astrid asuka ata atsushi attila attilio aubrey aude audrey augustin augusto aurelia aurelie
aurelien aurora austin ava avery avi avraham axel aya ayaka ayelet ayesha ayhan aylin ayman ayo ayodele ayse
aysel ayumi aziz
babajide babak bahar bahram bailey balazs baptiste baraka barbara barbel barbora barney barry bart bartek
bartosz bartłomiej barıs bas bashir basia basil bassem bastiaan bastian bastien bea beata beate beatrice beatriz
beau becky begona behnam bela belen ben benedetta benedikt benedita bengt benicio benito benjamin benno benny
benoit bent berit berk bernadette bernard bernardo bernd bernhard bernie bert berta bertram bertrand bertus beth
bethany bettina betty beverley beverly bhavna bianca bilal bill billy birger birgit birgitta birthe bj bjarne
bjorn blaine blake blanca blanche blanka bo bob bobby bodo bogdan bogusław bohdan bohumil bohuslav bojan bola
bonnie boris borja boyd bozena brad bradley brady bram brandon branko brenda brendan brenna brent brett brian
briana brianna bridget brigitte brisa britney britt britta brittany brodie brooke brooks bruce bruna bruno bryan
bryce bryn bud buddy burak burkhard burt byron
caio caitlin cal caleb calliope callum calvin cameron camila camilla camille camilo cammilla candace candice
caoimhe capucine cara carey carina carl carla carlo carlos carlota carly carmen carol carola carole carolien
carolina caroline carolyn carolynn carrie carsten carter carys casey caspar cassandra cassia cassius catalin
catalina catarina caterina cathal catharine catherine cathy cecil cecile cecilia cedric cees celia celine cem
cemal cengiz cesar cesare chad chandler chandra chantal charlene charles charlie charlotte chelo chelsea chen
cheryl chester chetan chiara chidi chidinma chihiro chika chinedu chinwe chioma chip chloe chris christa
christel christelle christian christiane christina christine christof christoph christophe christopher christos
christy chuck chukwuma ciara ciaran cierra cillian cindy cj claire clara clare clarence clarissa clarisse clark
claude claudia claudio clay clayton clemence clemens clement cleo cliff clifford clint clive clyde cody colby
cole colette colin colleen colm concepcion concetta conchi connie connor conor conrad constance constantin
consuelo cooper coralie cordelia corentin corey corinna corinne cornelia cornelius corrado cory courtney craig
cristian cristiano cristina cristobal cruz crystal csaba curtis cynthia cyril cyrus czesław
daan dafydd dag dagmar dagmara daiki daisuke daisy dakota dale dalia dalibor dallas damian damien damon dan dana
dane daniel daniela daniele danielle daniil danil danny dante danuta darcy daria dario darius dariush dariusz
darko darla darleen darlene darrell darren darryl darya dashiell dave david davide dawid dawn dean deanna deb
debbie debora deborah debra declan dee deepa deepak deepika deirdre dejan delia dell delores delphine denis
denise deniz dennis denny derek derick dermot derrick derya desiree desmond detlef devendra devin devon dewey
dexter dhruv diana diane dianne dick didier diego dieter dietmar dietrich dillon dimitri dimitrios dimitris dina
dinesh diogo dirk divya dj dmitri dmitry dolly dolores dolors dom domenico dominic dominick dominik dominika
dominique donal donald donatella dongwook donna donovan dora doreen dorian dorin doris dorota dorothea dorothee
dorothy dorthe dot doug douglas dov dragan drew dries duane duarte dudley dulce duncan dusan dustin dwayne
dwight dylan
eamon eamonn earl earlene easton eberhard ebru ed eddie eddy edeltraud edgar edith edmund edna edoardo edouard
edson eduard eduarda eduardo edward edwin edyta eef eelco eero effie efrain egon egor ehab ehud eija eiji eileen
einar eino eirik eitan ekaterina ekkehard elaine eleanor elena eleni eleonora elfriede eli elias eliezer elif
elijah elin elina elio elisa elisabeth elise elisenda eliseo eliska eliza elizabeth elke ella ellen ellie elliot
elliott ellis elmar elmer elnora elodie eloise eloy elsa elsie elton elva elvira elvis elzbieta emad emanuel
emanuele emeka emeric emery emi emil emile emilia emiliano emilie emilio emily emine emma emmanuel emmanuelle
emmett emre emrys encarnacion engin enoch enrico enrique enzo eoin erhard eric erica erich erik erika erin erkan
erma ernest ernie ernst errol erwin erzsebet esa esme esmeralda espen esperanza esra essam esteban estefania
estelle esther eszter ethan ethel etienne etta ettore euan eugen eugene eugenia eugenio eula eunice eunji eva
evan evander evangeline evaristo eve evelyn evert evgenia evgeny ewa ewald ewan ewelina ezra
fabian fabiana fabiano fabien fabienne fabio fabrice fabrizio faisal falk fannie fanny farah farhad farid
farzaneh fatih fatima fatma fausto fay federica federico felicia felicity felipe felix femi femke ferdinand
ferenc fergus ferhat fern fernanda fernando ferran filiberto filip filipe filippo finbar finn fiona flavia
flavio fletcher floor flora florence florent florian florin floris flossie floyd flynn folake forrest foster
fouad france frances francesca francesco francis francisca francisco franciszek franck franco francois francoise
frank frankie franklin frans frantisek franz franziska fraser frauke fred freda freddie frederic frederick
frederico frederik frederique fredrik freek frida frieda friedrich frits fritz fumiko funke funmi fyodor
gabe gabi gabor gabriel gabriela gabriele gabriella gabrielle gaby gael gaelle gaetano gail gale galina gamal
ganesh gareth garrett garth gary gaston gaurav gavin geert geeta gemma genaro gene geneva genevieve gennady
geoff geoffrey georg george georges georgia georgina georgios georgy gerald geraldine gerard gerardo gerben gerd
gerda gergely gerhard germaine german gernot gerrit gert gertie gertrud gertrude gethin gheorghe ghislaine
giacomo gianluca gianni gideon giedre gijs gijsbert gil gilbert gilberto giles gilles gillian gina ginette
ginger giorgia giorgio giorgos giovanna giovanni girish gisela gisele gisle gita giulia giuliana giuliano giulio
giuseppe giuseppina gladys glen glenda glenn gloria gokhan goncalo gonzalo gopal goran gordon goro gosia gosta
gotz govert graca graciela graham grainne graziella grazyna greg gregoire gregor gregorio gregory greta gretchen
griffin grigory griselda grzegorz guadalupe gudrun guido guilherme guillaume guillermo gul gulsum gunnar gunter
gunther gurpreet gus gussie gustav gustavo guus guy gwen gwendolyn gyorgy
habib hadi hadley hagen hailey hajime hakan hakon hal haley halil halina halvard hamed hamid hamish hamza hana
hani hank hanna hannah hanne hanneke hannelore hannes hannu hans hansjorg hao harald hari harish harlan harm
harold harper harpreet harriet harry hartmut haruka haruki haruto harvey hasan hassan hatem hatice hattie hayato
hayden hayley hazel heath heather hector hege heidi heike heikki heiko heiner heinrich heinz helen helena helene
helga helge helmut helmuth hemant hendrik henk henning henri henrietta henrik henrique henry henryk herb herbert
herman hermann hernan herve hesham hester hiba hicham hidde hideki hideo hikaru hilario hilary hilda hilde
hildegard hillary hina hind hiroki hiromi hiroshi hiroyuki hisham hitoshi holden holger holly homer horacio
horst hortense hossam hossein houda howard hua hubert hudson hugh hugo hugues hulya hunter huseyin hussein huw
hyejin hyun
iain ian ibrahim ichiro ida idris ifeoma ignacio ignatius igor ikenna iker ila ilan ilaria ildiko ilias ilker
ilkka ilona ilse ilya ilyas imad iman imelda imke imogen imran inaki indira indrek indu ines inez inga inge
ingeborg ingmar ingo ingrid inmaculada ioana ioannis ion ione ionut ira iratxe irena irene ireneusz irina iris
irma irmgard irving isaac isabel isabela isabella isabelle isadora isaiah isamu isla ismael ismail isolde istvan
itai itamar itziar iulia ivan ivana ivar ivone iwan iwona izabela
jaakko jaan jaap jacek jacinto jack jackie jacklyn jackson jaclyn jacob jacqueline jacques jade jaden jadwiga
jaehyun jago jaime jairo jake jakob jakub jamal james jameson jamie jamila jan jana jane janet janice janina
janine janis janko janne janusz jared jari jarmo jaromir jaroslav jaroslaw jarosław jasmin jasmine jason jasper
jaspreet javier jay jaya jayant jd jean jeanette jeanine jeanne jeannie jeannine jed jeff jeffrey jelena jelle
jelmer jen jenn jenna jennifer jenny jens jerald jeremiah jeremie jeremy jeroen jerome jerrod jerry jerzy jesper
jess jesse jessica jesus jette jewel jian jihoon jill jillian jim jimena jimin jimmy jindrich jing jiri jisoo
jiwoo jj jo joachim joan joana joann joanna joanne joao joaquim joaquin jocelyn jochen jodi jody joe joel joep
joey johan johann johanna johannes john johnathan johnny jolanta jolene jon jonah jonas jonathan joni joop joost
jord jordan jordi jordyn jorg jorge joris jorrit jos jose josef josefa josefina josep joseph josephine josette
josh joshua josiah josiane josie joyce jozef juan juana juanita judd judit judith judy juha juho jukka jules
julia julian juliana julie julien juliet juliette julio julius jun junichi juno juraj jurgen juris jurre jussi
justin justine justyna jutta jyrki jørgen
kadri kai kaisa kaitlyn kaito kalle kamal kamala kamau kamel kamil kamila kamilla kaori kara karan kareem kareen
karel karen kari karim karin karina karl karla karol karolina karsten karthik kasey kasia kasper kat katalin
katarina katarzyna kate katelyn katerina katharina katharine katherine kathleen kathrin kathrine kathryn
kathryne kathy katie katja katrin katrina katsuya katy katya kaveh kavita kavya kay kayla kazimierz kazuki kazuo
kazuya keaton keegan kees keiko keira keisuke keith kelly kelsey kemal kemi ken kendall kendra kenichi kenji
kenneth kenny kent kenta kerem kermit kerri kerry kevin khadija khaled khalid khalil kieran kim kimberly kimmo
kingsley kip kiran kirill kirk kirsi kirsten kirsty kishore kit kitty kjell klaas klara klas klaus knut koen
kofi kohei koji koldo konrad konstantin konstantinos kostas kosuke kouki kris krish krishna krista kristaps
kristen kristi kristian kristiina kristin kristina kristy krisztina krystyna krzysztof ksenia kuba kumar kurt
kwabena kwame kwesi kyla kyle kyung
lacey lachlan ladislav laetitia laia laila lainey lajos lakshman lakshmi lana lance lara larissa larry lars
lasse laszlo lata latifa laura laurel lauren laurence laurent laurentiu lauri laurie laverne lavinia lawrence
layla lea leah leandro leann lee leena leendert lei leif leigh leila leland lena lene lenka lenny lenore leo
leon leona leonard leonardo leonel leonid leonie leonor lerato leroy leslie lester leszek leticia letitia lev
levente levi lewis lex leyla li lia liam liat libor lidia lieke liisa lila lilian liliana lillian lillie lilly
lily lina linda lindsay lindsey ling linnea linus lionel lisa liv livia liviu liz lizzie lloyd logan lois lola
lone lonnie lonny lorcan loreen lorena lorene lorenzo lori lorna lorraine lothar lotta lotte lottie lou louis
louisa louise lourdes lowell luana lubomir luc luca lucas lucia luciana luciano lucie lucien lucille lucinda
lucy lucyna ludmila ludovic luella luigi luis luisa luiz luka lukas lukasz luke lula lulu luna lupe lupita lutz
luuk lydia lyla lyle lynette lynn lysander lyudmila
maarten mabel mac maciej mack mackenzie madeleine madeline madge madhav madhu madison mads mae magali magdalena
magdy maged maggie magnus mahdi mahesh mahmoud mahsa mai maike maite maja majed majid makoto maksim malcolm
malik malin malte mamdouh mami mamie manabu mandy manfred manish manoj manon manpreet mantas manuel manuela mao
mara marc marcel marcela marcello marcelo marcia marcie marcin marco marcos marcus marcy mareike marek margaret
margarete margarida margarita margaux margery margherita margie margit margo margot marguerite maria mariah
mariam marian mariana mariangela marianne mariano maribel maricela marie marija marijke mariko marilia marilyn
marilynn marina marine mario marion marisa marisela marisol marissa marit marius mariusz marjolein marjorie
marjory mark marketa markku marko markus marla marlena marlene marouane marsha marshall mart marta martha
martijn martin martina martine marty marvin marwan mary maryam marzena masahiro masaki masaru masato masayuki
masha mason massimo matej mateo mateusz matheus mathias mathieu mathilde matias matilda mats matt matteo matthew
matthias matthieu matti mattia matvey maud maude maureen maurice mauricio maurits maurizio mavis max maxene maxi
maxim maxime maximilian maxine maya mayra mayumi małgorzata medhat meena meera megan meghan megumi mehdi mehmet
mehran mei meike meir mel melanie melba melike melinda melissa meltem melvin menno merce mercedes meredith merel
merete merle merve meryl mette mia micah micha michael michaela michal michał michel michela michele micheline
michelle michiko mickey mieczysław mieke miguel mihaela mihai mihaly miho mika mikael mike mikel mikhail miki
mikkel mikko miklos mikołaj mila milagros milan mildred milena miles millicent millie milos miloslav milton mimi
mina mindy minerva ming minho minjun minna minnie minoru miranda mircea mireia mireille mireya miriam mirjam
mirko miroslav mirosław misaki misty mitch mitchell mithat mitsuru mitzi moe mohamed mohammad mohammed mohan
mohit mohsen moises molly mona monica monika monique montse montserrat monty morag morgan morgane moritz morris
morten moses moshe mostafa mounir mourad moussa moyinoluwa muhammad mukesh murat murdo murielle murray mustafa
mykola myles myra myrtle
nabil nabila nacho nader nadezhda nadia nadim nadine naima najib nan nancy nandini nando nanette naoki naomi
naoto naresh nasrin nasser nassim nat natalia natalie natalya natasha nate nathalie nathan nathaniel naveen
navid nawal nayeli nazım neal nebojsa necati ned neha neil nelda nell nellie nelly nelson nenad nerea nettie
neus niamh nicholas nick nico nicola nicolas nicole nicoletta niek niels nienke nieves nigel nihat niina nik
nikhil nikita nikki niklas niko nikola nikolai nikolaos nikolaus nikolay nikos nil nils nina nisha nitin nizar
njeri nnamdi noa noah nobuyuki noe noel noelia noelle noemi noemie nolan nomvula nona noor nora norah norbert
noreen noriko norma norman nour nuno nur nuria
obinna octavia octavio odette odile ofer oguz oisin ola olaf olav ole oleg oleksandr oleksiy olena olga olive
oliver olivia olivier oliwia olli ollie olu olufemi olumide oluwaseun oluwatobi olympia omar ondrej opal ora
orazio orhan oriol orla orly orsolya ortwin orville osamu oscar oskar osman osvaldo otavio othmane otieno otis
ottavio ottilie otto oumayma ovidiu owain owen ozge ozlem ozzie
paavo pablo paco padma padraig paige pal pallavi paloma pam pamela panagiotis pankaj pansy paola paolo parisa
parviz pascal pascale pasquale pat patrice patricia patrick patrik patrycja patryk patsy patti patty pau paul
paula paulette paulina pauline paulo pavel pavla pawel paweł pearlie peder pedro peggy pekka penelope penny
pentti pepe pepijn percy pere pernilla perpetua perry pete peter peteris petr petra petri petro petter phil
philip philipp philippa philippe phillip phoebe phyllis pia piera pierce piero pierre piet pieter pietro pilar
pili pim piotr piper pirjo pj polina polly pooja prabhu pradeep prakash pranav prashant prateek pravin predrag
preeti preston priit priscila priscilla priya priyanka przemysław puneet pyotr pınar
queenie quentin quim quincy quinn quique
rabia rachel rachid radek radka radosław radu rae rafael rafaela rafal rafał raffaele raffaella rafik raghav
raghu ragnar ragnhild rahul raimo raimonds rainer raj rajat rajendra rajesh rajiv rakesh ralf ralph ram ramesh
rami ramiro ramon ramona ramy randall randolph randy rania raphael raquel rashid rasmus raul ravi ravindra ray
rayan raymond razvan reba rebeca rebecca recep reda redouane reed reese reggie regina reginald regine rei reid
reiko rein reinhard reinhold rekha remco remedios remi remy ren rena renata renate renato renaud rene renee rens
rex reza rhiannon rhoda rhonda rhys riad ricardo riccardo richard rick ricky ridha rigoberto riikka riitta rik
riley rim rina risto rita ritu rj rob robbie robert roberta roberto robin rocco rochdi rocio rod rodney rodrigo
roel rogelio roger rogerio rohan rohit roisin roland rolf romain roman ron ronald ronan ronnie rory rosa rosalba
rosalie rosalind rosalyn rosamund rosana rosaria rosario roscoe rose roselyne rosemarie rosemary roser rosetta
rosina roslyn ross rossella rostislav rowan rowena roxanne roxy roy roya ruben ruby rudiger rudolf rudy rufus
rui rune rupert ruslan russ russell rusty rutger ruth ruud ryan ryo ryohei ryosuke ryota ryszard ryuichi rıza
saad sabah sabine sabri sabrina sachiko sachin sadie saeed said sakura salah salim sally salma salomon salvador
salvatore sam samantha sami samir sammy samuel samy sandeep sander sandor sandra sandrine sandro sandy sangeeta
sanjana sanjay sanjeev sanna sanne santiago saoirse sara sarah sari sarita sarka sasa sascha sasha saskia satish
satomi satoshi satya saul saurabh savannah sayaka sayed scarlett scott seamus sean sebastian sebastiano
sebastiao sebastien seema segun selena selim selin selina selma semyon seojun seoyeon seppo seraphina serena
serge sergei sergey sergio serhiy serkan seth seun severine sevim shady shalini shane shankar shannon shari
sharon shashi shaun shawn shea sheila shelby sheldon shelley shelly sheri sherif sherman sherri sherrie sherry
shigeru shikha shin shinichi shinji shinya shira shirin shirley shiva shlomo sho shota shreya shreyas shubham
shun shweta sian sibel sibylle sid siddharth sidney siegfried sierra sietse sigrid silas silke silvana silvia
simon simona simone sina sindre sinead siobhan sipho siri sjoerd sjors skylar skyler sloane slobodan smita sneha
sofia sofiane soheil solange soledad solveig sonia sonja sonny sonya sooyoung sophia sophie sorin sota soufiane
spencer spyros srdjan sridhar srinivas sriram stacey stacie stacy stan stanislav stanisław stanley stavros stef
stefan stefania stefanie stefano steffen steinar stella stepan stephan stephane stephanie stephen steve steven
stig stijn struan stu stuart subhash subramanian sudha sudhir sue sufyan sule sultan suman sumit sundar sune
sungmin sunil sunita suresh susan susana susanne sushil susumu suzanne svante sven svenja svetlana swati sybil
sybille sydney sylvain sylvia sylvie sylwia szabolcs szymon søren
tabitha tadashi tadeusz taha tahar takahiro takashi takeru takeshi takumi takuya tal talia tamar tamara tamas
tamer tammie tammy tamsin tanja tanvi tanya tapio tara taras tarek tariq tarja taro tarun tarık tate tatiana
tatsuya tatyana tawfik taylor tayo ted teddy teemu tejas temi tenoch teresa tereza terje terrence terri terry
tess tessa tetsuya teun thabo thad thandiwe thea thelma themba theo theodor theodore theresa therese thiago
thibault thierry thijs thilo thomas thora thorsten tiago tibor tiffany tiit tijana tijs tilly tilman tim timo
timothee timothy timur tina tiziana tj tjeerd tjitse tobi tobias toby tod todd tom tomas tomasz tomek tomi
tommaso tommy tomohiro tomoko tomoya ton toni tonnie tony toomas tor torbjorn tore torsten toru tove tracey
traci tracy travis trent trevor tricia trina trine trisha tristan troels trond troy trudy tsuyoshi tuba tugba
tunde tuomas tuomo tuula twan ty tyler
uche uday udo ufuk ugo ulf ulises ulla ulrich ulrika ulrike ulysses uma umberto umit unai uri urmas urs ursula
urszula usha uta ute uwe
vaclav vadim vaibhav val valentin valentina valentine valeria valerie valerio valery vance vandana vanesa
vanessa varun vasant vasco vasilis vasily vaughn vegard venkat venkatesh vera verena vern verna vernon vero
veronica veronika veronique vesna vibeke vic vicente vicki vickie victor victoria vida vidya viggo vignesh vijay
vikas vikram viktor viktoria ville vilma vinay vince vincent vincenzo vineet vinicius vinod viola violet virgil
virginia virginie vishal vitaly vitor vittoria vittorio vivek vivian vlad vladimir vladislav vlasta vojtech
volkan volker volodymyr vyacheslav vytautas
wacław wade wael wagner walburga waldemar walid wallace walt walter waltraud wambui wanda wanjiru warren
washington wassim wayne wei wendy werner wes wesley wessel whitney wiebe wiebke wiesław wietse wiktor wiktoria
wilbur wilfred wilfried wilhelm wilhelmina willa willard willem willi william willie willow wilma wilson wim
winfried winifred winnie winston wioletta witold wojciech wojtek wolf wolfgang woody wouter wren wyatt władysław
włodzimierz
xavi xavier xenia xiao ximena xin
yadira yael yahya yair yaiza yan yang yann yannick yannis yaroslav yasemin yash yasmin yasmine yasser yassine
yasuhiro yasuo yavuz yaw yazid yegor yehia yekaterina yelena yesenia yevgeny yi yiannis ying yitzhak yogesh
yoichi yoko yolanda yosef yoshi yoshiki yoshio yossi yosuke younes yousef youssef yui yuji yuka yuki yukio yuko
yulia yumi yuna yuri yuriko yury yusuf yusuke yuto yves yvette yvonne yıldırım yılmaz
zach zachary zack zaid zainab zakaria zakariya zane zanele zara zayd zbigniew zdenek zdzisław zelda zeljko zena
zeynep zinaida zineb zoe zofia zoltan zora zoran zouhair zsolt zsuzsanna zulema zuri zuzana zvi zygmunt
łucja łukasz
`;

/** Letters that no accent folding takes apart ("Lætitia", "Søren", "Łukasz"), written as plain letters. */
const LETTERS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const plain = (word: string) => word.replace(/[æœøßłđðþı]/g, (c) => LETTERS[c]!);

const NAMES: ReadonlySet<string> = new Set(GIVEN.split(/\s+/).filter(Boolean).map(plain));

/**
 * A folded word (lower case, accents stripped, as foldName gives it) is a given name the lexicon knows; of a hyphenated
 * one folded to two words ("jean pierre"), the first part.
 */
export const isGivenName = (folded: string): boolean => NAMES.has(plain(folded.split(' ')[0] ?? ''));
