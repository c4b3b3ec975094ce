#pragma once
#include "kernel/context.hpp"

namespace simpul::accounts {

http::Response signin_form(kernel::Context& context);
http::Response signin(kernel::Context& context);
http::Response signout(kernel::Context& context);

http::Response account_home(kernel::Context& context);
http::Response profile_form(kernel::Context& context);
http::Response save_profile(kernel::Context& context);
http::Response password_form(kernel::Context& context);
http::Response change_password(kernel::Context& context);

http::Response user_list(kernel::Context& context);
http::Response new_user_form(kernel::Context& context);
http::Response create_user(kernel::Context& context);
http::Response deactivate_user(kernel::Context& context);
http::Response activate_user(kernel::Context& context);

}  // namespace simpul::accounts
