// `npm run staff:hash -- 'password'`: prints a bcrypt hash (cost 12) for one STAFF_ACCOUNTS entry.
import bcrypt from "bcryptjs";

const password = process.argv[2];
if (password === undefined || password === "" || process.argv.length > 3) {
  console.error("usage: npm run staff:hash -- 'password'");
  console.error("Prints a bcrypt hash; put it in STAFF_ACCOUNTS as email:hash (comma-separate several accounts).");
  process.exit(1);
}
if (password.length < 8) console.error("warning: a password shorter than 8 characters is easy to guess.");
console.log(bcrypt.hashSync(password, 12));
