#pragma once
#include "app/context.hpp"

namespace simpul::accounts {

http::Response signin_form(app::Context& context);
http::Response signin(app::Context& context);
http::Response signout(app::Context& context);

http::Response account_home(app::Context& context);
http::Response profile_form(app::Context& context);
http::Response save_profile(app::Context& context);
http::Response password_form(app::Context& context);
http::Response change_password(app::Context& context);

http::Response user_list(app::Context& context);
http::Response new_user_form(app::Context& context);
http::Response create_user(app::Context& context);
http::Response deactivate_user(app::Context& context);
http::Response activate_user(app::Context& context);

}  // namespace simpul::accounts
