/**
 * Given names and surnames common in the US (Census and SSA lists, abridged), used to recognise
 * a person's name in free text. Words that are also ordinary billing or English words ("Bill",
 * "Mark", "Grace", "May") count only with a surname or a clear cue, never alone.
 */
const GIVEN = `
aaron abigail adam adrian ahmed aiden aisha alan albert alberto alejandro alex alexander alexandra alexis alfred alice alicia
alison allison alma amanda amber amelia amir amy ana andre andrea andrew andy angela angelica angelina angie anita ann anna
anne annette anthony antonio april arjun arlene armando arnold arthur ashley audrey austin barbara beatrice becky belinda ben
benjamin bernard bernice beth betty beverly bianca billy blake bob bobby bonnie brad bradley brandon brenda brent brett brian
bridget brittany brooke bruce bryan caleb calvin cameron camila carl carla carlos carmen carol carole caroline carolyn carrie
casey cassandra catherine cathy cecilia cesar chad charlene charles charlotte chelsea cheryl chloe chris christian christina
christine christopher cindy claire clara clarence claudia clifford clyde colleen connie connor corey courtney craig crystal
curtis cynthia daisy dale dan dana daniel daniela danielle danny darlene darnell darrell darren david dean deanna debbie deborah
debra deepak delores denise dennis derek derrick diana diane diego dolores dominic don donald donna doris dorothy doug douglas
duane dustin dwayne dylan earl ed eddie edgar edith edna eduardo edward edwin eileen elaine eleanor elena eli elijah elizabeth
ella ellen elsa emily emma enrique eric erica erik erin ernest esperanza esther ethan eugene eva evan evelyn fatima felicia
felix fernando florence frances francisco franklin fred freddie frederick gabriel gabriela gail gary gavin gene geneva george
georgia gerald geraldine gilbert gina glen glenda glenn gloria gordon greg gregory gustavo gwendolyn hailey haley hannah harold
harriet harry heather hector heidi helen henry herbert herman hilda holly howard hugo ian irene iris isaac isabel isabella ivan
jack jackie jackson jacob jacqueline jaime jake james jamie jamal jan jane janet janice jared jasmine jason javier jay jean
jeanette jeanne jeff jeffery jeffrey jenna jennifer jenny jeremy jerome jerry jesse jessica jesus jill jim jimmy jo joan joann
joanna joanne joe joel johanna john johnny jon jonathan jordan jorge jose joseph josephine joshua joyce juan juanita judith judy
julia julian julie julio justin kaitlyn karen kari karl kate katherine kathleen kathryn kathy katie kayla keith kelly ken
kenneth kevin kim kimberly kristen kristin kristina kurt kyle lakisha lamar lance larry latasha latoya laura lauren laurie
lawrence leah lee leon leonard leroy leslie lester lillian linda lindsay lindsey lisa lloyd logan lois lonnie lorena lorraine
louis louise lucas lucia lucy luis luke lydia lynn mabel madison maggie manuel marc marcia marco marcus margaret margarita maria
marian marie marilyn mario marion marjorie marlene marsha marshall martha martin marvin mary mason mathew matthew maureen maurice
max maxine megan melanie melissa melvin mercedes michael micheal michele michelle miguel mike mildred milton mindy miranda
miriam misty mitchell mohamed mohammed molly monica monique morgan muhammad myrtle nancy naomi natalie natasha nathan nathaniel
neil nelson nicholas nichole nick nicole nina noah noel nora norma norman olga olivia omar oscar owen pablo pamela patricia
patrick paul paula pauline pedro peggy penny peter philip phillip phyllis pierre priya rachel rafael rajesh ralph ramon randall
randy raquel raul ray raymond rebecca regina reginald renee rhonda ricardo richard rick ricky rita robert roberta roberto robin
rodney roger roland ron ronald ronnie rosa rosalie rosemary ross roxanne roy ruben ruby russell ruth ryan sabrina sally
samantha samuel sandra sandy sara sarah scott sean sergio seth shane shannon sharon shawn sheila shelby shelly sherry shirley
sidney simon sofia sonia sophia stacy stanley stella stephanie stephen steve steven sue susan suzanne sylvia tamara tammy tanya
tara teresa terri terry thelma theodore theresa thomas tiffany tim timothy tina todd tom tommy tony tracy travis troy tyler
valerie vanessa vernon veronica vicki vicky victor victoria vincent viola virginia vivian wade walter wanda warren wayne wendy
wesley whitney william willie wilma xavier yolanda yvonne zachary zoe
abby addison adele agnes aileen aimee alana alberta alec alfonso ali alina alissa allan alonzo alvin amos anastasia anders
andres anjali annie anya archie ari ariana ariel arturo asha ashok astrid aubrey ava avery ayesha bart beau bella benny bernadette
bethany betsy blanca bo bradford brendan brianna bridgette britney bruno bryce byron cade callie candace cara carmela carter cary
cedric celia chandra chantal charity charlie chester chiara chidi chinedu chloe chuck clay clayton cleo cliff cody cole colin
collin cora cornelius cory dalia damian damon dante daphne darius darla daryl dave davis dawson deb declan delia demetrius dena
desmond devin devon dexter dina dmitri dolly dominique donovan dora dorothea dwight dylan edmund efrain elias elise eliza ella
ellie elliot elmer eloise elton elvira emanuel emil emilio emmanuel erika ernesto esme estelle ethel etta eunice eve ezra
fabian farah fay felipe fern fiona flora floyd forrest francine francis frieda gabe garrett gemma genevieve gerry gertrude gianna
gideon gil ginger giovanni gladys graham greta guadalupe gus gwen hal hank hans harvey hassan hazel heath helena herb hiroshi
homer hope horace hubert ibrahim ida ignacio imani imogen ines ingrid ira irma isaiah isla ivy jacinta jade jana janelle janie
jasper javon jeanine jenn jerald jeri jessie jody joey johan jonah josie joy jude jules juliana june junior kai kamala kara
kareem kasey katelyn katrina kay keisha kelvin kendra kenji kerry khalid kirk kit krista kristy kwame lacey laila lana lara
latisha laurel laverne layla leila lela lena leo leona leonardo leticia levi lila liliana lily lina lionel liz liza lola
lonnie lorenzo lori lottie lou lowell luca lucille luella luna lupe lyle mack madeline mae malcolm malik mamie mandy marcel
marcella marcy margo mariah mariana maribel marina marisol marla marlon marta maryann mateo matilda mattie maude maya mckenzie
mei mel melinda melody meredith mia micah milagros mila millie minnie mira mitch moises mona myra nadia nadine nan nanette
nash nate neal nell nettie nia nico nikki nikolai nils nola noreen odessa olive oliver ollie opal ophelia orlando otis pam
parker patsy percy perla petra phoebe polly preston queen quentin quinn rae rafaela ramona randolph raphael reba reggie rene
reyna rhea rhoda ricky riley rob robyn rocco rochelle rod rodrigo rolando ronda rory rosalind rosie rowan roxanne rudy rufus
russ ruthie sadie salvador sam santiago santos sasha saul savannah selena selma serena shana shaun shauna sheldon sherri
shirley silas sherman sonya sophie stacey stefan stella stuart suzette sybil tabitha tamika tania tasha ted teddy terrence
tess thea thaddeus theo tobias toby tomas tonya trent trevor trina trudy tyrone ulysses ursula valentina vera verna vince viv
wallace walt ward wes wilbur wiley winifred winston wyatt yasmin yusuf yvette zach zelda
`;

/** Given names that are also common words in billing prose: only with a surname or a cue. */
const AMBIGUOUS_GIVEN = `
bill mark grace may june april august summer dawn faith hope joy rose frank pat will chase hunter page price penny ray
sterling jewel ivy iris holly autumn lane dean drew gene miles neil rich sandy skip sonny victor virginia carol
grant cole hope joy queen june parker mason hunter
`;

const SURNAMES = `
adams alexander allen alvarez anderson bailey baker banks barnes bell bennett brooks brown bryant burns butler campbell carter
castillo castro chavez chen clark coleman collins cook cooper cox cruz davis diaz dixon edwards ellis evans fisher flores ford
foster garcia gibson gomez gonzales gonzalez gordon graham gray green griffin gupta gutierrez hall hamilton harris hayes
henderson hernandez hill hoffman holmes howard hughes hunt jackson james jenkins jimenez johnson jones jordan kelly kennedy
khan kim king kumar lee lewis long lopez marshall martin martinez mason mcdonald medina mendoza meyer miller mitchell moore
morales moreno morgan morris murphy murray myers nelson nguyen okafor olson ortiz owens palmer parker patel perez perry
peterson phillips powell price ramirez ramos reed reyes reynolds richardson rivera roberts robinson rodriguez rogers ross
ruiz russell sanchez sanders schmidt scott shah simmons singh smith snyder stevens stewart sullivan taylor thomas thompson
torres tran tucker turner walker wallace ward washington watson webb wells west white williams wilson wong wood wright
young zhang abernathy ahmed ali andrews armstrong arnold austin bates beck becker berg black blake boyd bradley brady burke
carlson carpenter carr chapman cole cohen cole crawford cunningham curtis daniels dunn duncan elliott erickson farmer
ferguson fernandez fields fleming fletcher fox francis frazier freeman fuller garza george gilbert grant greene
hale hanson harper hart harvey hawkins herrera hicks hoffman holland hopkins horton hudson hunter jacobs jensen johnston
kaur keller kelley kline knight larson lawrence lawson le lynch mann marsh mccarthy mcgee mckinney mendez mills moran
murray nash newman nichols norris obrien oconnor oliver olsen owen pacheco park parks pearson pena pham pierce porter
quinn ray reid rhodes rice richards riley robertson romero rose ryan salazar santos saunders schneider schultz shaw sherman
silva sims spencer stanley stone sutton swanson terry tucker vargas vasquez vaughn wagner walsh warren watkins weaver weber
wheeler wilkins willis wolfe woods yang yates zimmerman 
`;

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

export const GIVEN_NAMES: ReadonlySet<string> = words(GIVEN);
export const AMBIGUOUS_GIVEN_NAMES: ReadonlySet<string> = words(AMBIGUOUS_GIVEN);
export const SURNAMES_SET: ReadonlySet<string> = words(SURNAMES);

/**
 * Capitalised words that are never a person's name in this domain: payers, contractors, agencies,
 * months and days, billing terms that start sentences.
 */
export const NOT_NAMES: ReadonlySet<string> = words(`
medicare medicaid aetna cigna humana unitedhealthcare united healthcare anthem bcbs blue cross shield tricare kaiser molina
centene wellcare ambetter noridian novitas palmetto cgs wps ngs first coast fcso cms ncci mue ptp hcpcs cpt icd carc rarc
january february march april may june july august september october november december monday tuesday wednesday thursday
friday saturday sunday the a an and or but our we they he she it this that these those after before when then also per
denied denial appeal appealed paid billed claim claims payer patient provider doctor radiologist coder biller office hospital
clinic facility modifier code codes units unit resubmitted corrected wrote redetermination reconsideration level second
first third global bilateral assistant surgeon surgery edit edits policy advantage managed care commercial tricare va
workers comp state federal east west north south new saint st
`);
