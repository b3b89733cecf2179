import type { Random } from './random';

// A mixed, international pool: the demo company has offices in North America and Europe.
export const FIRST_NAMES = [
  'Adaeze',
  'Adrian',
  'Ahmed',
  'Alejandro',
  'Alice',
  'Amara',
  'Ana',
  'Andrea',
  'Anika',
  'Arjun',
  'Ben',
  'Bianca',
  'Carla',
  'Carlos',
  'Chen',
  'Chloe',
  'Claire',
  'Daniel',
  'Diego',
  'Elena',
  'Elif',
  'Emeka',
  'Emma',
  'Ethan',
  'Fatima',
  'Felix',
  'Grace',
  'Hana',
  'Hannah',
  'Hugo',
  'Isabel',
  'Ivan',
  'Jakob',
  'James',
  'Jana',
  'Javier',
  'Jin',
  'Jonas',
  'Julia',
  'Karen',
  'Kofi',
  'Lars',
  'Laura',
  'Leila',
  'Liam',
  'Lina',
  'Lucas',
  'Lucia',
  'Mariam',
  'Mateo',
  'Mei',
  'Mia',
  'Mohammed',
  'Nathan',
  'Nina',
  'Noah',
  'Omar',
  'Paula',
  'Pedro',
  'Rachel',
  'Rahul',
  'Rosa',
  'Ruth',
  'Sara',
  'Sebastian',
  'Sofia',
  'Sven',
  'Tanvir',
  'Theo',
  'Valentina',
  'Victor',
  'Wei',
  'Yara',
  'Yusuf',
  'Zainab',
  'Zoe',
] as const;

export const LAST_NAMES = [
  'Abbott',
  'Adeyemi',
  'Ahmed',
  'Andersen',
  'Bauer',
  'Becker',
  'Brennan',
  'Campbell',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Fernandes',
  'Garcia',
  'Gonzalez',
  'Hansen',
  'Hartmann',
  'Hughes',
  'Ibrahim',
  'Jansen',
  'Kaur',
  'Keller',
  'Kim',
  'Kowalski',
  'Larsen',
  'Lee',
  'Lopez',
  'Mensah',
  'Meyer',
  'Moreau',
  'Murphy',
  'Nakamura',
  'Nguyen',
  'Novak',
  "O'Brien",
  'Okonkwo',
  'Olsen',
  'Park',
  'Patel',
  'Pereira',
  'Quinn',
  'Ramos',
  'Reyes',
  'Richter',
  'Rossi',
  'Santos',
  'Schmidt',
  'Schneider',
  'Shah',
  'Silva',
  'Singh',
  'Sousa',
  'Suzuki',
  'Tanaka',
  'Taylor',
  'Torres',
  'Vargas',
  'Vogel',
  'Wagner',
  'Walsh',
  'Weber',
  'Wong',
  'Yilmaz',
  'Young',
  'Zhang',
  'Zimmermann',
] as const;

/** Draws full names without repeats, skipping names already taken (for example by the demo cast). */
export function createNamePicker(random: Random, taken: Iterable<string> = []): () => string {
  const used = new Set(taken);
  return () => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error('Ran out of unique demo names');
  };
}

/** `Tomás O'Brien` → `tomas.obrien`: ASCII only, as mail systems usually generate them. */
export function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+/)
    .map((part) => part.replace(/[^a-z0-9]/g, ''))
    .filter((part) => part !== '')
    .join('.');
}
